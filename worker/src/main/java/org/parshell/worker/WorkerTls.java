package org.parshell.worker;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import javax.net.ssl.SSLException;
import java.io.File;

/** The worker's TLS identity: a PEM certificate chain and its PKCS#8 PEM private key, served by the JDK's TLS. */
final class WorkerTls {
    private WorkerTls() {
    }

    static SslContext serverContext(File certificate, File privateKey) throws SSLException {
        try {
            return SslContextBuilder.forServer(certificate, privateKey)
                    .sslProvider(SslProvider.JDK)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .build();
        } catch (IllegalArgumentException e) {
            throw new SSLException("cannot read the certificate " + certificate + " or the key " + privateKey
                    + " (PEM, key unencrypted PKCS#8 'BEGIN PRIVATE KEY'): " + e.getMessage(), e);
        }
    }
}
