package org.parshell.protocol;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import javax.net.ssl.SSLException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** TLS as both sides speak it: the JDK's TLS, versions 1.3 and 1.2 only, certificates and keys in PEM files. */
public final class TlsContexts {
    private TlsContexts() {
    }

    /** The worker's identity: a PEM certificate chain and its unencrypted PKCS#8 PEM private key. */
    public static SslContext server(File certificate, File privateKey) throws SSLException {
        try {
            return ours(SslContextBuilder.forServer(certificate, privateKey));
        } catch (IllegalArgumentException e) {
            throw new SSLException("cannot read the certificate " + certificate + " or the key " + privateKey
                    + " (PEM, key unencrypted PKCS#8 'BEGIN PRIVATE KEY'): " + e.getMessage(), e);
        }
    }

    /** The shell's side: it trusts the certificates in the PEM file {@code trust} and no others. */
    public static SslContext client(Path trust) throws SSLException {
        if (!Files.isReadable(trust)) {
            throw new SSLException("cannot read the trusted certificates " + trust);
        }
        try {
            return ours(SslContextBuilder.forClient().trustManager(trust.toFile()));
        } catch (IllegalArgumentException e) {
            throw new SSLException("cannot read the trusted certificates " + trust + " (PEM expected): " + e.getMessage(), e);
        }
    }

    private static SslContext ours(SslContextBuilder builder) throws SSLException {
        return builder.sslProvider(SslProvider.JDK).protocols("TLSv1.3", "TLSv1.2").build();
    }
}
