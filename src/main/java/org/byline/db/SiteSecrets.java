package org.byline.db;

import org.jdbi.v3.core.Jdbi;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/** Secrets that every instance on the same database must share (e.g. the CSRF signing key). */
public final class SiteSecrets {
    private SiteSecrets() {
    }

    /** Returns the named secret, creating it once; safe when several instances start together. */
    public static byte[] getOrCreate(Jdbi jdbi, String name) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<String> existing = jdbi.withHandle(h -> h
                    .createQuery("SELECT secret FROM site_secrets WHERE name = :name")
                    .bind("name", name).mapTo(String.class).findOne());
            if (existing.isPresent()) {
                return HexFormat.of().parseHex(existing.get());
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                jdbi.useHandle(h -> h.createUpdate("INSERT INTO site_secrets (name, secret) VALUES (:name, :secret)")
                        .bind("name", name).bind("secret", HexFormat.of().formatHex(fresh)).execute());
                return fresh;
            } catch (RuntimeException e) {
                UniqueViolation.rethrowUnlessRace(e); // another instance inserted it first: read theirs next pass
            }
        }
        throw new IllegalStateException("could not create or read site secret " + name);
    }
}
