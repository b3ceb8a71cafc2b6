package org.parshell.protocol.bundle;

import org.parshell.protocol.Sha256;
import org.parshell.protocol.message.ClassDefinition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;

/**
 * The classes one function needs, named by the SHA-256 of their names and bytes, so that the same
 * code always has the same name and a worker that has it is never sent it again.
 */
public record CodeBundle(String hash, List<ClassDefinition> classes) {

    public static CodeBundle of(List<ClassDefinition> classes) {
        List<ClassDefinition> sorted = classes.stream().sorted(Comparator.comparing(ClassDefinition::name)).toList();
        return new CodeBundle(hashOf(sorted), sorted);
    }

    private static String hashOf(List<ClassDefinition> sorted) {
        MessageDigest sha = Sha256.digest();
        for (ClassDefinition c : sorted) {
            sha.update(c.name().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(c.bytes());
        }
        return Sha256.hex(sha);
    }
}
