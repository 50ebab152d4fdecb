package org.byline.ledger;

/**
 * A signed statement about the ledger. Each kind signs its own canonical string, with a distinct
 * first line so that one kind can never be passed off as the other:
 * <pre>byline-ledger-head-v1\nSEQ\nHASH\nAT</pre> "at AT the ledger ended at entry SEQ with hash HASH";
 * <pre>byline-ledger-entry-v1\nSEQ\nHASH\nAT</pre> "at AT the ledger held entry SEQ with hash HASH".
 * AT is an ISO-8601 UTC time; the signature is Ed25519 over the string's UTF-8 bytes, in base64.
 */
public record Checkpoint(String kind, long seq, String hash, String at, String publicKey, String signature) {
    public static final String HEAD = "byline-ledger-head-v1";
    public static final String ENTRY = "byline-ledger-entry-v1";

    public static String message(String kind, long seq, String hash, String at) {
        return String.join("\n", kind, Long.toString(seq), hash, at);
    }

    public static Checkpoint sign(SigningKey key, String kind, long seq, String hash, String at) {
        return new Checkpoint(kind, seq, hash, at, key.publicKeyBase64(), key.sign(message(kind, seq, hash, at)));
    }

    public boolean signatureValid() {
        return SigningKey.verify(publicKey, message(kind, seq, hash, at), signature);
    }
}
