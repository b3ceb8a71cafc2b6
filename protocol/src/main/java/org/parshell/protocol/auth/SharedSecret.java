package org.parshell.protocol.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The key both sides of a connection know. In a file it is whatever the file holds, trimmed, of at
 * least {@link #MIN_FILE_BYTES} bytes (hex, base64 or random text alike); the file must be the
 * user's own and readable by nobody else, as OpenSSH requires of a private key ({@link SecretFile}).
 */
public final class SharedSecret {
    public static final int MIN_FILE_BYTES = 32;
    private static final int BYTES = 32;
    private final byte[] key;

    private SharedSecret(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a secret needs at least 16 bytes, got " + key.length);
        }
        this.key = key.clone();
    }

    /** Where shells and worker daemons keep the secret unless told otherwise: {@code ~/.parshell/secret}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".parshell", "secret");
    }

    public static SharedSecret random() {
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        return new SharedSecret(key);
    }

    /** A random secret handed over as hex (a shell to the local workers it starts). */
    public static SharedSecret fromHex(String hex) {
        try {
            return new SharedSecret(HexFormat.of().parseHex(hex.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a secret must be hexadecimal: " + e.getMessage(), e);
        }
    }

    /**
     * The secret in {@code file}, refused with the command that fixes it when others may read the file,
     * someone else owns it, or it holds fewer than {@link #MIN_FILE_BYTES} bytes.
     */
    public static SharedSecret read(Path file) throws IOException {
        SecretFile.checkPrivate(file);
        byte[] content = Files.readString(file, StandardCharsets.ISO_8859_1).strip().getBytes(StandardCharsets.ISO_8859_1);
        if (content.length < MIN_FILE_BYTES) {
            throw new IllegalArgumentException("the secret in " + file + " has " + content.length + " bytes, fewer than "
                    + MIN_FILE_BYTES + "; make a good one with: openssl rand -hex 32 > " + file + " && chmod 600 " + file);
        }
        return new SharedSecret(content);
    }

    /** Reads {@code file}, or creates it (mode 600) with a fresh random secret if it is missing. */
    public static SharedSecret readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, random().toHex() + "\n", StandardCharsets.US_ASCII);
        }
        return read(file);
    }

    public String toHex() {
        return HexFormat.of().formatHex(key);
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "SharedSecret[...]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SharedSecret s && java.security.MessageDigest.isEqual(key, s.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }
}
