package org.parshell.repl.ssh;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A host to start a worker on over ssh, as typed: {@code ssh://[USER@]HOST[:SSHPORT][?java=PATH]}.
 * {@code java} names the host's {@code java} when it is not the one on its {@code PATH};
 * {@code threads} (0 for the host's cores) comes from a host file's {@code slots=N}.
 */
public record SshTarget(String user, String host, int port, String java, int threads) {
    public static final String SCHEME = "ssh://";

    public SshTarget {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no host given");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
        if (java != null && !java.matches("[A-Za-z0-9_./+-]+")) {
            throw new IllegalArgumentException("java=" + java + ": only a plain path is allowed");
        }
        if (user != null && !user.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("'" + user + "' is not a user name");
        }
    }

    public static boolean isSsh(String text) {
        return text.strip().startsWith(SCHEME);
    }

    public static SshTarget parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an ssh://[USER@]HOST[:PORT] address: " + e.getMessage());
        }
        if (!"ssh".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an ssh://[USER@]HOST[:PORT] address: " + text.strip());
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException("an ssh:// address has no path: " + text.strip());
        }
        String java = null;
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (!pair.startsWith("java=")) {
                    throw new IllegalArgumentException("unknown option '" + pair + "' (only java=PATH)");
                }
                java = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return new SshTarget(uri.getUserInfo(), host, Math.max(uri.getPort(), 0), java, 0);
    }

    public SshTarget withThreads(int n) {
        return new SshTarget(user, host, port, java, n);
    }

    /** The host as ssh takes it: {@code [USER@]HOST}. */
    String destination() {
        return user == null ? host : user + "@" + host;
    }

    /** How {@code /workers} and {@code /detach} name it. */
    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return SCHEME + (user == null ? "" : user + "@") + h + (port == 0 ? "" : ":" + port);
    }
}
