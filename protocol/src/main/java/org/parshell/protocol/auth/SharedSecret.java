package org.parshell.protocol.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/** The key both sides of a connection know: random bytes, kept as hex in an owner-only file. */
public final class SharedSecret {
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

    public static SharedSecret fromHex(String hex) {
        try {
            return new SharedSecret(HexFormat.of().parseHex(hex.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a secret must be hexadecimal: " + e.getMessage(), e);
        }
    }

    public static SharedSecret read(Path file) throws IOException {
        return fromHex(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** Reads {@code file}, or creates it (mode 600) with a fresh random secret if it is missing. */
    public static SharedSecret readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        SharedSecret secret = random();
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secret.toHex() + "\n", StandardCharsets.US_ASCII);
        return secret;
    }

    /** A warning if people other than the file's owner may read it, empty if not (or if the file system cannot say). */
    public static java.util.Optional<String> exposure(Path file) {
        try {
            var permissions = Files.getPosixFilePermissions(file);
            boolean exposed = permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
            return exposed ? java.util.Optional.of("the secret file " + file + " may be read by others than its owner (chmod 600 " + file + ")")
                    : java.util.Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return java.util.Optional.empty();
        }
    }

    public String toHex() {
        return HexFormat.of().formatHex(key);
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "SharedSecret[" + Arrays.hashCode(key) % 1000 + "...]";
    }
}
