package org.parshell.repl.ssh;

import org.parshell.protocol.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shell's own jars, which a worker started over ssh runs on, kept on the host in a
 * content-addressed cache ({@code ~/.parshell/jars/SHA256.jar}): a jar is copied only when no file of
 * its hash is there, so a second start, or another shell of the same build, copies nothing.
 */
final class RemoteJars {
    static final String DIRECTORY = "$HOME/.parshell/jars";

    /** Hash to local file, in class-path order. */
    private final Map<String, Path> jars;

    private RemoteJars(Map<String, Path> jars) {
        this.jars = jars;
    }

    /** The jars of this JVM's class path; a directory on it cannot be copied and is refused. */
    static RemoteJars ofClassPath(String classPath) throws IOException {
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                throw new IOException("the class path holds the directory " + p + ", which cannot be copied to a host;"
                        + " start the shell with scripts/parshell");
            }
            if (Files.isRegularFile(p)) {
                jars.putIfAbsent(Sha256.hex(p), p);
            }
        }
        return new RemoteJars(jars);
    }

    /** Copies the jars the host lacks; returns how many it copied. */
    int sync(SshCommand ssh) throws IOException, InterruptedException {
        Set<String> missing = missing(ssh);
        for (String hash : missing) {
            String file = DIRECTORY + "/" + hash + ".jar";
            // written under a temporary name and renamed, so a jar cut off halfway is never taken for a whole one
            ssh.run("umask 077 && mkdir -p " + DIRECTORY + " && cat > " + file + ".part.$$ && mv -f " + file + ".part.$$ " + file,
                    jars.get(hash));
        }
        return missing.size();
    }

    /** The worker's class path on the host. */
    String remoteClassPath() {
        return jars.keySet().stream().map(h -> DIRECTORY + "/" + h + ".jar").collect(Collectors.joining(":"));
    }

    private Set<String> missing(SshCommand ssh) throws IOException, InterruptedException {
        String listing = ssh.run("for h in " + String.join(" ", jars.keySet()) + "; do test -f " + DIRECTORY
                + "/$h.jar || echo $h; done", null);
        Set<String> missing = new java.util.LinkedHashSet<>();
        for (String line : listing.split("\n")) {
            if (jars.containsKey(line.strip())) {
                missing.add(line.strip());
            }
        }
        return missing;
    }

    List<Path> files() {
        return new ArrayList<>(jars.values());
    }
}
