package org.parshell.protocol.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The checks OpenSSH makes of a private key, made of a secret file on both sides: nobody but its
 * owner may read or write it, and its owner is the user running this process. On a file system
 * without POSIX permissions there is nothing to check.
 */
final class SecretFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = Set.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private SecretFile() {
    }

    static void checkPrivate(Path file) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        }
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IllegalArgumentException("the secret file " + file + " may be read or changed by others than its owner ("
                    + java.nio.file.attribute.PosixFilePermissions.toString(permissions) + "); fix it with: chmod 600 " + file);
        }
        String owner = Files.getOwner(file).getName();
        String me = System.getProperty("user.name");
        if (!owner.equals(me)) {
            throw new IllegalArgumentException("the secret file " + file + " belongs to " + owner + ", not to " + me
                    + "; use a file of your own (cp it, then chmod 600 the copy)");
        }
    }
}
