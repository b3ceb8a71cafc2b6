package org.parshell.repl.pool;

/** Where a worker daemon listens, as typed after {@code --attach} or {@code /attach}: {@code HOST[:PORT]}. */
public record HostPort(String host, int port) {
    public static final int DEFAULT_PORT = 7171;

    public HostPort {
        if (host.isBlank()) {
            throw new IllegalArgumentException("no host given");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
    }

    /** {@code host}, {@code host:port}, {@code [v6-address]} or {@code [v6-address]:port}. */
    public static HostPort parse(String text) {
        String t = text.strip();
        String host = t;
        String port = null;
        if (t.startsWith("[")) {
            int end = t.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("missing ] in " + t);
            }
            host = t.substring(1, end);
            String rest = t.substring(end + 1);
            if (rest.startsWith(":")) {
                port = rest.substring(1);
            } else if (!rest.isEmpty()) {
                throw new IllegalArgumentException("expected :PORT after ] in " + t);
            }
        } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
            host = t.substring(0, t.indexOf(':'));
            port = t.substring(t.indexOf(':') + 1);
        }
        try {
            return new HostPort(host, port == null ? DEFAULT_PORT : Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + port + "' is not a port number");
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
