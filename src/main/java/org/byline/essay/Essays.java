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

    /** The published essays, newest first. Drafts and unpublished essays are never listed here. */
    public List<Essay> latest() {
        return jdbi.withExtension(EssayDao.class, EssayDao::listLatest);
    }

    /** A published essay; a draft or an unpublished essay is not found, so every reader's page of it is a 404. */
    public Optional<Essay> bySlug(String slug) {
        return jdbi.withExtension(EssayDao.class, dao -> dao.findLatest(slug));
    }

    /** An essay whether or not it is published: only for pages that checked the viewer is an admin. */
    public Optional<Essay> bySlugIncludingUnpublished(String slug) {
        return jdbi.withExtension(EssayDao.class, dao -> dao.findLatestIncludingUnpublished(slug));
    }

    public EssayDocument document(Essay essay) {
        return documents.computeIfAbsent(essay.id() + "@" + essay.revision(), key -> EssayDocument.render(essay.markdown()));
    }

    /** The document of an earlier (or the current) revision of an essay. */
    public EssayDocument document(Essay essay, int revision) {
        if (revision == essay.revision()) {
            return document(essay);
        }
        return documents.computeIfAbsent(essay.id() + "@" + revision, key -> EssayDocument.render(
                jdbi.withExtension(EssayDao.class, dao -> dao.findMarkdown(essay.id(), revision)).orElse("")));
    }

    /**
     * The paragraph of the current revision that a statement made on {@code revision} responds to:
     * the same id when the revision is current, else the paragraph whose text is unchanged, else null.
     */
    public String currentParagraph(Essay essay, int revision, String paragraph) {
        if (paragraph == null || revision == essay.revision()) {
            return paragraph;
        }
        String text = document(essay, revision).paragraphText(paragraph);
        return text == null ? null : document(essay).paragraphWithText(text);
    }
}
