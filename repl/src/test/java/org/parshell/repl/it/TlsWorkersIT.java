package org.parshell.repl.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS end to end: a daemon with a certificate made by openssl exactly as the README says, and
 * shells that trust it, trust another certificate, or do not use TLS at all; daemons attached by a
 * name with two addresses, whose certificate is checked against the name, which is also sent as SNI.
 */
class TlsWorkersIT {
    @TempDir
    static Path dir;
    static Path secret;
    static WorkerDaemon daemon;

    @BeforeAll
    static void startDaemon() throws Exception {
        RequiredTool.require(opensslWorks(), "openssl is needed to make the test certificates");
        makeCertificate("worker", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        makeCertificate("stranger", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        makeCertificate("elsewhere", "subjectAltName=DNS:elsewhere.invalid");
        makeCertificate("named", "subjectAltName=DNS:workers.test");
        secret = dir.resolve("secret");
        daemon = WorkerDaemon.start(secret, "--tls-cert", dir.resolve("worker.pem").toString(),
                "--tls-key", dir.resolve("worker.key").toString());
        assertTrue(daemon.log().contains("(TLS)"), daemon.log());
    }

    @AfterAll
    static void stopDaemon() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void aShellTrustingTheWorkersCertificateGetsResultsFromIt() throws Exception {
        daemon.assertServesAShell(secret, "--tls-trust", dir.resolve("worker.pem").toString());
    }

    @Test
    void aShellTrustingAnotherCertificateIsRefused() throws Exception {
        ParshellProcess.Result r = attach(daemon, "--tls-trust", dir.resolve("stranger.pem").toString());
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("Cannot attach " + daemon.address()
                + ": TLS handshake failed, the worker's certificate is not trusted (check --tls-trust)"), r.output());
        daemon.awaitLog("SSLHandshakeException", 30);
        daemon.assertServesAShell(secret, "--tls-trust", dir.resolve("worker.pem").toString());
    }

    @Test
    void aShellWithoutTlsIsRefused() throws Exception {
        ParshellProcess.Result r = attach(daemon);
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("Cannot attach " + daemon.address()
                + ": the worker closed the connection during the handshake (if it serves TLS, give the shell --tls-trust)"), r.output());
        daemon.awaitLog("not TLS (this worker serves TLS; the shell needs --tls-trust)", 30);
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsRefused() throws Exception {
        try (WorkerDaemon misnamed = WorkerDaemon.start(secret, "--tls-cert", dir.resolve("elsewhere.pem").toString(),
                "--tls-key", dir.resolve("elsewhere.key").toString())) {
            ParshellProcess.Result r = attach(misnamed, "--tls-trust", dir.resolve("elsewhere.pem").toString());
            assertEquals(1, r.exitCode(), r.output());
            assertTrue(r.output().contains("No subject alternative names matching IP address 127.0.0.1"), r.output());
        }
    }

    @Test
    void everyAddressOfANameIsCheckedAgainstTheNameNotTheAddress() throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, """
                127.0.0.1 workers.test
                127.0.0.2 workers.test
                127.0.0.1 other.test
                127.0.0.2 other.test
                """);
        String[] tls = {"--tls-cert", dir.resolve("named.pem").toString(), "--tls-key", dir.resolve("named.key").toString()};
        try (WorkerDaemon first = WorkerDaemon.startWith(List.of(), "127.0.0.2", secret, tls);
             WorkerDaemon second = WorkerDaemon.startOn(Map.of(), "127.0.0.1", first.port(), secret, tls)) {
            ParshellProcess.Result named = attachByName("workers.test", first.port(), hosts);
            assertEquals(0, named.exitCode(), named.output());
            assertTrue(named.output().contains("|  Attached 127.0.0.1:" + first.port()), named.output());
            assertTrue(named.output().contains("|  Attached 127.0.0.2:" + first.port()), named.output());
            assertTrue(named.output().contains(WorkerDaemon.pidsLine(first, second)), "both daemons worked: " + named.output());

            ParshellProcess.Result other = attachByName("other.test", first.port(), hosts);
            for (String address : new String[]{"127.0.0.1", "127.0.0.2"}) {
                assertTrue(other.output().contains("Cannot attach " + address + ":" + first.port() + " (other.test): ")
                        && other.output().contains("No subject alternative DNS name matching other.test found"), other.output());
            }
            assertTrue(other.output().contains("|  No workers."), "neither joined: " + other.output());
        }
    }

    /**
     * The name also goes in the handshake (SNI), so a TLS front with a certificate per name can pick
     * the right one: a plain JDK TLS server with the same certificate records the names it was asked for.
     */
    @Test
    void theNameIsSentAsServerNameIndication() throws Exception {
        Path hosts = dir.resolve("hosts-sni");
        Files.writeString(hosts, "127.0.0.1 workers.test\n");
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers("named"), null, null);
        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<List<SNIServerName>> asked =
                    CompletableFuture.supplyAsync(() -> {
                        try (SSLSocket s = (SSLSocket) server.accept()) {
                            s.startHandshake();
                            return ((ExtendedSSLSession) s.getSession()).getRequestedServerNames();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            try (ParshellProcess p = ParshellProcess.start(Map.of("JDK_JAVA_OPTIONS", "-Djdk.net.hosts.file=" + hosts),
                    "parshell", "--workers", "0", "--secret-file", secret.toString(), "--tls-trust", dir.resolve("named.pem").toString())) {
                p.write("/attach dns://workers.test:" + server.getLocalPort() + "\n");
                assertEquals(List.of(new SNIHostName("workers.test")), asked.get(120, TimeUnit.SECONDS));
                p.closeInput();
                p.await(120);
            }
        }
    }

    /** The certificate and key {@link #makeCertificate} made, as a key store the JDK's TLS serves. */
    private static KeyManager[] keyManagers(String name) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Process p = new ProcessBuilder("openssl", "pkcs12", "-export", "-in", dir.resolve(name + ".pem").toString(),
                "-inkey", dir.resolve(name + ".key").toString(), "-out", store.toString(), "-passout", "pass:test")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl failed: " + output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, "test".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(
                KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "test".toCharArray());
        return factory.getKeyManagers();
    }

    private static ParshellProcess.Result attachByName(String name, int port, Path hosts) throws Exception {
        try (ParshellProcess p = ParshellProcess.start(Map.of("JDK_JAVA_OPTIONS", "-Djdk.net.hosts.file=" + hosts),
                "parshell", "--workers", "0", "--secret-file", secret.toString(), "--tls-trust", dir.resolve("named.pem").toString())) {
            p.write("""
                    /attach dns://%s:%d
                    System.out.println("PIDS " + new TreeSet<>(pmap(x -> ProcessHandle.current().pid(), rangeClosed(1, 200))));
                    /workers
                    """.formatted(name, port));
            p.closeInput();
            return p.await(120);
        }
    }

    private static ParshellProcess.Result attach(WorkerDaemon worker, String... tls) throws Exception {
        String[] args = new String[4 + tls.length];
        args[0] = "--workers";
        args[1] = "0";
        args[2] = "--secret-file";
        args[3] = secret.toString();
        System.arraycopy(tls, 0, args, 4, tls.length);
        return ParshellProcess.runShell("/attach " + worker.address() + "\n", args);
    }

    /** The README's command: a self-signed certificate and its unencrypted PKCS#8 key. */
    private static void makeCertificate(String name, String subjectAltName) throws Exception {
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", dir.resolve(name + ".key").toString(), "-out", dir.resolve(name + ".pem").toString(),
                "-days", "2", "-subj", "/CN=" + name, "-addext", subjectAltName)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl failed: " + output);
    }

    private static boolean opensslWorks() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
