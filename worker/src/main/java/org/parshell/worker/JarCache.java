package org.parshell.worker;

import org.parshell.protocol.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jars a shell sent, kept as files (a class loader reads jars from files) under their SHA-256, which
 * is checked on arrival; the files go when the worker exits.
 */
final class JarCache {
    private final Map<String, Path> filesByHash = new ConcurrentHashMap<>();

    void put(String hash, String name, byte[] bytes) throws IOException {
        String actual = Sha256.hex(bytes);
        if (!actual.equals(hash)) {
            throw new IOException("jar " + name + " arrived with hash " + actual + ", not " + hash);
        }
        if (!filesByHash.containsKey(hash)) {
            Path file = Files.createTempFile("parshell-" + hash.substring(0, 12) + "-", ".jar");
            file.toFile().deleteOnExit();
            Files.write(file, bytes);
            filesByHash.put(hash, file);
        }
    }

    Path get(String hash) {
        Path file = filesByHash.get(hash);
        if (file == null) {
            throw new IllegalStateException("jar " + hash + " was not sent by the shell");
        }
        return file;
    }
}
