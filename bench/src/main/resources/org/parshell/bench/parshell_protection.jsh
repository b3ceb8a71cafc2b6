// The frame-protection case of scripts/bench, run by scripts/parshell --workers 0 --attach DAEMON.
// Times the 1M-integer map against the daemon (FrameProtectionCase runs it with tagged and untagged
// frames), and the share of that time AES-GCM sealing and opening of the map's bytes would take.
// @WARM@, @RUNS@, @FRAME_BYTES@, @DAEMON_PID@ are filled in by FrameProtectionCase.
import javax.crypto.*;
import javax.crypto.spec.*;
int squared(int x) { return x * x; }
void sample(String name, double value) { System.out.println("SAMPLE " + name + " " + value); }
void check(boolean ok, String what) { if (!ok) throw new AssertionError(what); }

// 1M ints each way, packed: 4 bytes an item and a 5-byte header a chunk; both ends do the work
long wireBytes() { return 2L * 4 * 1_000_000; }

double gcmSeconds(int frameBytes) throws Exception {
    SecretKey key = new SecretKeySpec(new byte[16], "AES");
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    byte[] frame = new byte[frameBytes], out = new byte[frameBytes + 16], iv = new byte[12];
    long frames = wireBytes() / frameBytes + 1;
    long t = System.nanoTime();
    for (long i = 0; i < frames; i++) {
        iv[11] = (byte) i; iv[10] = (byte) (i >> 8); iv[9] = (byte) (i >> 16);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        int n = cipher.doFinal(frame, 0, frameBytes, out, 0);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
        cipher.doFinal(out, 0, n, frame, 0);
    }
    return (System.nanoTime() - t) / 1e9;
}

// processor time of this shell and of the daemon (its process id filled in as @DAEMON_PID@), in seconds
double cpuSeconds() {
    var shell = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long daemon = ProcessHandle.of(@DAEMON_PID@L).flatMap(p -> p.info().totalCpuDuration()).map(java.time.Duration::toNanos)
            .orElseThrow(() -> new AssertionError("no processor time of the daemon"));
    return (shell.getProcessCpuTime() + daemon) / 1e9;
}

void benchRemoteMap(int warm, int runs) throws Exception {
    List<Integer> in = range(0, 1_000_000);
    for (int r = 0; r < warm + runs; r++) {
        double cpu = cpuSeconds();
        long t = System.nanoTime();
        List<Integer> out = pmap(x -> squared(x), in);
        double s = (System.nanoTime() - t) / 1e9;
        cpu = cpuSeconds() - cpu;
        check(out.size() == 1_000_000 && out.get(1000) == 1_000_000, "map results");
        double gcm = gcmSeconds(@FRAME_BYTES@);
        if (r >= warm) {
            sample("remote_map1m", 1e6 / s);
            sample("remote_map1m_cpu", cpu);
            sample("gcm_share", gcm / s);
        }
    }
}
benchRemoteMap(@WARM@, @RUNS@);
/exit
