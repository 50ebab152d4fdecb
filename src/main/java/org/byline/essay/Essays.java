package org.byline.essay;

import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reads essays and keeps each revision's rendered document, since a revision never changes. */
public final class Essays {
    private final Jdbi jdbi;
    private final Map<String, EssayDocument> documents = new ConcurrentHashMap<>();

    public Essays(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Essay> latest() {
        return jdbi.withExtension(EssayDao.class, EssayDao::listLatest);
    }

    public Optional<Essay> bySlug(String slug) {
        return jdbi.withExtension(EssayDao.class, dao -> dao.findLatest(slug));
    }

    public EssayDocument document(Essay essay) {
        return documents.computeIfAbsent(essay.contentHash(), hash -> EssayDocument.render(essay.markdown()));
    }
}
