package org.parshell.repl.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A host file's {@code HOST slots=N} on daemon lines: two daemons with four task threads each, one
 * given one slot and one three. Each item records when it ran in which process, so the test sees how
 * many chunks ran at once on each daemon, not only how many it was sent.
 */
class HostFileSlotsIT {
    private static final Pattern SPAN = Pattern.compile("SPAN (\\d+) (\\d+) (\\d+)");

    @TempDir
    Path dir;

    @Test
    void slotsOnDaemonLinesAreTheChunksRunThereAtOnceAndShowAsThreads() throws Exception {
        Path secret = dir.resolve("secret");
        try (WorkerDaemon one = WorkerDaemon.startThreads(4, secret);
             WorkerDaemon three = WorkerDaemon.startThreads(4, secret)) {
            Path hosts = dir.resolve("hosts");
            Files.writeString(hosts, one.address() + " slots=1 max_slots=4\n" + three.address() + " slots=3\n");
            ParshellProcess.Result r = ParshellProcess.runShell("""
                    var spans = pmap(x -> { long t0 = System.nanoTime(); try { Thread.sleep(20); } catch (InterruptedException e) { throw new RuntimeException(e); } return ProcessHandle.current().pid() + " " + t0 + " " + System.nanoTime(); }, rangeClosed(1, 300));
                    spans.forEach(s -> System.out.println("SPAN " + s));
                    /workers
                    """, "--workers", "0", "--hostfile", hosts.toString(), "--secret-file", secret.toString());
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().matches("(?s).*\\|\\s+" + Pattern.quote(one.address()) + "\\s+\\S+\\s+" + one.pid() + "\\s+1\\s.*"),
                    "slots=1 shows as 1 thread: " + r.output());
            assertTrue(r.output().matches("(?s).*\\|\\s+" + Pattern.quote(three.address()) + "\\s+\\S+\\s+" + three.pid() + "\\s+3\\s.*"),
                    "slots=3 shows as 3 threads: " + r.output());

            Map<Long, List<long[]>> spans = spansByPid(r.output());
            assertEquals(300, spans.values().stream().mapToInt(List::size).sum(), r.output());
            assertEquals(1, mostAtOnce(spans.get(one.pid())), "the one-slot daemon ran one chunk at a time: " + r.output());
            assertEquals(3, mostAtOnce(spans.get(three.pid())), "the three-slot daemon ran three at once: " + r.output());
            int items1 = spans.get(one.pid()).size();
            int items3 = spans.get(three.pid()).size();
            assertTrue(items3 >= 2 * items1, "the items split by slots (1:3 expected), got " + items1 + ":" + items3);
        }
    }

    private static Map<Long, List<long[]>> spansByPid(String output) {
        Map<Long, List<long[]>> spans = new HashMap<>();
        for (Matcher m = SPAN.matcher(output); m.find(); ) {
            spans.computeIfAbsent(Long.parseLong(m.group(1)), k -> new ArrayList<>())
                    .add(new long[]{Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
        }
        return spans;
    }

    /** The most spans of one process that overlap at one instant. */
    private static int mostAtOnce(List<long[]> spans) {
        assertTrue(spans != null && !spans.isEmpty(), "the daemon ran no items");
        List<long[]> edges = new ArrayList<>();
        for (long[] s : spans) {
            edges.add(new long[]{s[0], 1});
            edges.add(new long[]{s[1], -1});
        }
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1])); // an end before a start at the same instant
        int now = 0;
        int most = 0;
        for (long[] e : edges) {
            now += e[1];
            most = Math.max(most, now);
        }
        return most;
    }
}
