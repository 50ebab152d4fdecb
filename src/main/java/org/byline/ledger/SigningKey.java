package org.byline.ledger;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The server's Ed25519 key for signing ledger heads and receipts. The private key lives in a file
 * (base64 PKCS#8), never in the database: a signature must still mean something to a reader who
 * suspects that whoever controls the database rewrote it.
 */
public final class SigningKey {
    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Reads the key file, or creates it (owner-only where the file system allows) on first start. */
    public static SigningKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the ledger signing key " + file, e);
        }
    }

    private static SigningKey read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            byte[] pkcs8 = Base64.getDecoder().decode(text);
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new SigningKey(privateKey, publicKeyOf(factory, (EdECPrivateKey) privateKey));
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("the ledger signing key " + file + " is not a base64 Ed25519 PKCS#8 key", e);
        }
    }

    /** Java 17's JCA cannot derive an Ed25519 public key from the private one; Bouncy Castle can. */
    private static PublicKey publicKeyOf(KeyFactory factory, EdECPrivateKey key) throws GeneralSecurityException {
        byte[] seed = rawSeed(key);
        byte[] raw = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        return factory.generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, raw)));
    }

    private static void create(Path file) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no Ed25519", e);
        }
        String text = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n";
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".ledger-key-", ".tmp");
        try {
            ownerOnly(temp);
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            // no replace: when two instances start at once, the first key written wins and both use it
            Files.move(temp, file);
        } catch (FileAlreadyExistsException e) {
            // another instance created it meanwhile
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data directory's own permissions have to do
        }
    }

    /** Base64 of the signature over the UTF-8 bytes of {@code message}. */
    public String sign(String message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as base64 X.509 SubjectPublicKeyInfo (DER). */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** Whether {@code signatureBase64} is a valid signature of {@code message} under {@code publicKeyBase64}. */
    public static boolean verify(String publicKeyBase64, String message, String signatureBase64) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(strictBase64(publicKeyBase64)));
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return signature.verify(strictBase64(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Base64 that decodes to exactly one byte string: Java's decoder ignores the unused low bits of the
     * last character, so two texts could carry one signature; a changed character must count as a change.
     */
    private static byte[] strictBase64(String text) {
        byte[] bytes = Base64.getDecoder().decode(text);
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("not canonical base64");
        }
        return bytes;
    }

    /** What a person compares by eye: "sha256:" and the hex SHA-256 of the DER public key. */
    public static String fingerprint(String publicKeyBase64) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            return "sha256:" + HexFormat.of().formatHex(digest.digest(Base64.getDecoder().decode(publicKeyBase64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String fingerprint() {
        return fingerprint(publicKeyBase64());
    }

    // Ed25519 SubjectPublicKeyInfo (RFC 8410): a fixed DER prefix before the 32 raw key bytes
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private static byte[] rawSeed(PrivateKey key) {
        return ((EdECPrivateKey) key).getBytes().orElseThrow(() -> new IllegalStateException("Ed25519 key without its bytes"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
