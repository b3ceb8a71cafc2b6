// The frame-protection case of scripts/bench, run by scripts/parshell --workers 0 --attach DAEMON.
// Times the 1M-integer map against the daemon (FrameProtectionCase runs it with tagged and untagged
// frames), the processor time the shell and the daemon spend on it, in nanoseconds, and what
// HMAC-SHA256 and AES-GCM over the map's bytes at both ends take in this JVM, compiled.
// @WARM@, @SAMPLES@, @MAPS@, @FRAME_BYTES@, @DAEMON_PID@ are filled in by FrameProtectionCase.
import javax.crypto.*;
import javax.crypto.spec.*;
import java.io.IOException;
import java.nio.file.*;
import java.util.*;
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
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long t = threads.getCurrentThreadCpuTime();
    for (long i = 0; i < frames; i++) {
        iv[11] = (byte) i; iv[10] = (byte) (i >> 8); iv[9] = (byte) (i >> 16);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        int n = cipher.doFinal(frame, 0, frameBytes, out, 0);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
        cipher.doFinal(out, 0, n, frame, 0);
    }
    return (threads.getCurrentThreadCpuTime() - t) / 1e9;
}

// What the tags of one map cost at the least: HMAC-SHA256 over the map's bytes twice (tagged by one end, checked by the
// other), in frames of frameBytes, on this thread's processor time
double hmacSeconds(int frameBytes) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
    byte[] frame = new byte[frameBytes], tag = new byte[32];
    long frames = 2 * wireBytes() / frameBytes + 1;
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long t = threads.getCurrentThreadCpuTime();
    for (long i = 0; i < frames; i++) {
        mac.update(frame);
        mac.doFinal(tag, 0);
    }
    return (threads.getCurrentThreadCpuTime() - t) / 1e9;
}

// Processor time in ns, of each thread of this shell and of the daemon (its process id filled in as @DAEMON_PID@), from
// /proc/PID/task/TID/schedstat, whose first field is ns on a processor (the process-wide figures of /proc and of the JDK
// count in clock ticks of 10 ms). The JIT compiler's threads are counted apart: what they still compile during the
// measured maps depends on how busy the machine is more than on the maps.
// the network threads are where frames are tagged and checked: the shell's parshell-pool-io, the daemon's parshell-io
record Cpu(long work, long network, long jit) {}

Map<String, Long> threadNanos(String pid) throws IOException {
    Map<String, Long> byThread = new HashMap<>();
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
        for (Path task : tasks.toList()) {
            try {
                String name = Files.readString(task.resolve("comm")).trim();
                long nanos = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                String kind = name.contains("CompilerThre") ? "/jit" : name.startsWith("parshell-pool-i") || name.startsWith("parshell-io") ? "/net" : "";
                byThread.put(task.getFileName() + kind, nanos);
            } catch (IOException | RuntimeException ended) {
                // a thread that ended between the listing and the reading
            }
        }
    }
    check(!byThread.isEmpty(), "no processor time of " + pid);
    return byThread;
}

Map<String, Long> cpuNow() throws IOException {
    Map<String, Long> both = new HashMap<>();
    threadNanos("self").forEach((k, v) -> both.put("shell/" + k, v));
    threadNanos("@DAEMON_PID@").forEach((k, v) -> both.put("daemon/" + k, v));
    return both;
}

// What the threads of both ran since `before`; a thread that ended in between takes its time with it (the measured
// maps keep the same threads busy: the network threads, the daemon's task threads, the shell's decoding threads)
Cpu cpuSince(Map<String, Long> before) throws IOException {
    long work = 0, network = 0, jit = 0;
    for (var e : cpuNow().entrySet()) {
        long ran = e.getValue() - before.getOrDefault(e.getKey(), 0L);
        if (e.getKey().endsWith("/jit")) jit += ran; else work += ran;
        if (e.getKey().endsWith("/net")) network += ran;
    }
    return new Cpu(work, network, jit);
}

List<Integer> maps(List<Integer> in, int n) {
    List<Integer> out = null;
    for (int i = 0; i < n; i++) {
        out = pmap(x -> squared(x), in);
    }
    return out;
}

// Each sample is `maps` maps of 1M, so that neither a scheduler hiccup nor the reading of the figures is a large share of it
void benchRemoteMap(int warm, int samples, int maps) throws Exception {
    List<Integer> in = range(0, 1_000_000);
    maps(in, warm);
    for (int r = 0; r < samples; r++) {
        Map<String, Long> before = cpuNow();
        long t = System.nanoTime();
        List<Integer> out = maps(in, maps);
        double s = (System.nanoTime() - t) / 1e9;
        Cpu cpu = cpuSince(before);
        check(out.size() == 1_000_000 && out.get(1000) == 1_000_000, "map results");
        sample("remote_map1m", maps * 1e6 / s);
        sample("remote_map1m_cpu", cpu.work() / 1e9 / maps);
        sample("remote_map1m_net", cpu.network() / 1e9 / maps);
        sample("remote_map1m_jit", cpu.jit() / 1e9 / maps);
    }
    // after the measured maps, so that compiling these does not run during them; the estimates are of compiled code,
    // as the tags' measured cost is
    for (int i = 0; i < 5 + samples; i++) {
        double gcm = gcmSeconds(@FRAME_BYTES@), hmac = hmacSeconds(@FRAME_BYTES@);
        if (i >= 5) {
            sample("gcm_floor", gcm);
            sample("hmac_floor", hmac);
        }
    }
}
benchRemoteMap(@WARM@, @SAMPLES@, @MAPS@);
/exit
