package org.parshell.protocol.bundle;

import org.parshell.protocol.message.ClassDefinition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
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
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (ClassDefinition c : sorted) {
                sha.update(c.name().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(c.bytes());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
