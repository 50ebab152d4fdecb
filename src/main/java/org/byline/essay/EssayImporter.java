package org.byline.essay;

import org.byline.db.UniqueViolation;
import org.byline.ledger.Ledger;
import org.byline.account.Account;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Brings the essays under db/essays into the database at start-up. Idempotent: a file unchanged
 * since it was last imported adds nothing (even when an admin has revised the essay in the browser
 * since), a changed file adds a revision. Safe when several instances start at once, because the
 * unique slug and (essay, revision) keys and the conditional update of essays.file_hash decide who
 * wins and the loser re-reads. The files are only read, never written.
 */
public final class EssayImporter {
    private static final Logger LOG = LoggerFactory.getLogger(EssayImporter.class);
    private static final int ATTEMPTS = 5;
    /** essay_revisions.source of a revision imported from a file. */
    public static final String SOURCE_FILE = "file";

    /** Another instance imported the same file between our read and our write. */
    private static final class ImportRace extends RuntimeException {
        ImportRace() {
            super("essay imported concurrently", null, false, false);
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public EssayImporter(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Imports every *.md file of {@code dir}, or of the copy packaged in the jar when {@code dir} is null. */
    public int importAll(Path dir, Account owner) {
        List<EssayFile> files = dir != null ? readDirectory(dir) : readPackaged();
        int added = 0;
        for (EssayFile file : files) {
            if (importOne(file, owner)) {
                added++;
            }
        }
        LOG.info("Essays: {} file(s) read, {} new revision(s)", files.size(), added);
        return added;
    }

    boolean importOne(EssayFile file, Account owner) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return jdbi.inTransaction(h -> {
                    EssayDao dao = h.attach(EssayDao.class);
                    long essayId = dao.findId(file.slug())
                            .orElseGet(() -> dao.insertEssay(file.slug(), owner.id(), clock.instant()));
                    // Compared with the file as last imported, not with the latest revision: a revision an
                    // admin made in the browser since then must survive an unchanged file at start-up.
                    Optional<String> imported = dao.findFileHash(essayId);
                    if (imported.filter(file.contentHash()::equals).isPresent()) {
                        return false;
                    }
                    int claimed = imported.isPresent()
                            ? dao.replaceFileHash(essayId, imported.get(), file.contentHash())
                            : dao.setFirstFileHash(essayId, file.contentHash());
                    if (claimed != 1) {
                        throw new ImportRace(); // another instance recorded an import meanwhile
                    }
                    int revision = dao.latestRevision(essayId) + 1;
                    var now = clock.instant();
                    dao.insertRevision(essayId, revision, file.title(), file.publishedOn(),
                            file.body(), file.contentHash(), owner.id(), now, SOURCE_FILE);
                    Ledger.append(h, now, Ledger.person(owner.handle()), "essay-revision", Ledger.essayTarget(file.slug(), revision),
                            Ledger.essayContentHash(file.title(), file.publishedOn(), file.body()));
                    return true;
                });
            } catch (ImportRace e) {
                last = e; // rolled back: check again
            } catch (RuntimeException e) {
                UniqueViolation.rethrowUnlessRace(e); // another instance imported it first: check again
                last = e;
            }
        }
        throw new IllegalStateException("could not import essay " + file.slug(), last);
    }

    private static List<EssayFile> readDirectory(Path dir) {
        try (Stream<Path> paths = Files.list(dir)) {
            List<EssayFile> files = new ArrayList<>();
            for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList()) {
                files.add(EssayFile.parse(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read essays from " + dir, e);
        }
    }

    private static List<EssayFile> readPackaged() {
        URL url = EssayImporter.class.getClassLoader().getResource("db/essays");
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return readDirectory(Path.of(uri));
            }
            FileSystem jar;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                jar = FileSystems.getFileSystem(uri);
            }
            return readDirectory(jar.provider().getPath(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read packaged essays", e);
        }
    }
}
