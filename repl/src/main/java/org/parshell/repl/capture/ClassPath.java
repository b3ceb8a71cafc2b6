package org.parshell.repl.capture;

import org.parshell.protocol.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The jars added with {@code /env --class-path}: the shell's snippets compile and run against them,
 * and every map takes them to the workers (each worker gets a jar's bytes once, by hash). They stay
 * across {@code /reset}, as in jshell. Only jar files travel: a directory has no single content to hash.
 */
public final class ClassPath {
    /** Below the 64 MiB frame limit, with room for the message around the bytes. */
    static final long MAX_JAR_BYTES = 60L * 1024 * 1024;

    private final List<Jar> jars = new CopyOnWriteArrayList<>();

    /** One jar: where it is, the SHA-256 of its bytes, and the bytes as they were when added. */
    public record Jar(Path path, String hash, byte[] bytes) {
        public String name() {
            return path.getFileName().toString();
        }
    }

    /** Reads the jar at {@code path}; an {@link IOException} says why it cannot be used. */
    public Jar add(Path path) throws IOException {
        Path file = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IOException(path + " is not a jar file" + (Files.isDirectory(file) ? " (directories cannot travel to workers)" : ""));
        }
        if (Files.size(file) > MAX_JAR_BYTES) {
            throw new IOException(path + " is larger than " + MAX_JAR_BYTES / (1024 * 1024) + " MiB, the most one message carries");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw new IOException(path + " is not a jar (zip) file");
        }
        Jar jar = new Jar(file, Sha256.hex(bytes), bytes);
        if (jars.stream().noneMatch(j -> j.hash().equals(jar.hash()))) {
            jars.add(jar);
        }
        return jar;
    }

    public List<Jar> jars() {
        return List.copyOf(jars);
    }
}
