package org.parshell.repl.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS end to end: a daemon with a certificate made by openssl exactly as the README says, and
 * shells that trust it, trust another certificate, or do not use TLS at all.
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
