package org.parshell.repl.pool;

import io.netty.handler.ssl.SslContext;
import org.parshell.protocol.TlsContexts;
import org.parshell.protocol.auth.SharedSecret;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * How the shell reaches worker daemons: the secret file it shares with them, and, when TLS is asked
 * for, the certificates it trusts. The secret is read at each attach, so a file copied in after
 * start-up is used.
 */
public final class RemoteAccess {
    private final Path secretFile;
    private final SslContext tls;

    /** {@code secretFile} null means {@code ~/.parshell/secret}; {@code tlsTrust} null means plain TCP. */
    public RemoteAccess(Path secretFile, Path tlsTrust) throws SSLException {
        this.secretFile = secretFile != null ? secretFile : SharedSecret.defaultFile();
        this.tls = tlsTrust == null ? null : TlsContexts.client(tlsTrust);
    }

    /**
     * The secret for the daemon at {@code where}: its own file if there is one, {@code secrets/HOST:PORT}
     * or {@code secrets/HOST} beside the secret file, so each daemon may have a secret of its own;
     * otherwise the secret file.
     */
    SharedSecret secret(HostPort where) {
        Path own = secretFile.toAbsolutePath().resolveSibling("secrets");
        for (Path candidate : new Path[]{own.resolve(where.toString()), own.resolve(where.host())}) {
            if (Files.exists(candidate)) {
                return read(candidate);
            }
        }
        return read(secretFile);
    }

    private static SharedSecret read(Path file) {
        try {
            return SharedSecret.read(file);
        } catch (NoSuchFileException e) {
            throw new WorkerException("no secret file " + file + ": copy the worker's secret file there, or pass --secret-file");
        } catch (IOException | IllegalArgumentException e) {
            throw new WorkerException("cannot use the secret file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Null when the shell attaches over plain TCP. */
    SslContext tls() {
        return tls;
    }
}
