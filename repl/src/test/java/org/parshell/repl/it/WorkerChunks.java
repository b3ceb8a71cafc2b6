package org.parshell.repl.it;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What worker processes ran between two {@code /workers} listings: per worker pid, the chunks done
 * after minus before (a worker that appeared in between counts from 0), and the listed workers a
 * failure in the case's output names ({@code (on worker ADDRESS pid P)}: a failed chunk is not done).
 * Proves that a case's work ran in worker processes and not in the shell.
 */
record WorkerChunks(Map<Long, Long> chunksByPid, Set<Long> failedOn) {
    private static final Pattern FAILED_ON = Pattern.compile("\\(on worker \\S+ pid (\\d+)\\)");
    /** A row of /workers: ADDRESS HOST PID THREADS JDK STARTED CHUNKS STATE... */
    private static final Pattern ROW = Pattern.compile("^\\|\\s+\\S+\\s+\\S+\\s+(\\d+)\\s+\\d+\\s+\\S+\\s+\\S+\\s+(\\d+)\\s+\\S+");

    static WorkerChunks between(List<String> before, List<String> after, String caseOutput) {
        Map<Long, Long> start = rows(before);
        Map<Long, Long> end = rows(after);
        Map<Long, Long> ran = new TreeMap<>();
        Set<Long> failedOn = new TreeSet<>();
        for (Matcher m = FAILED_ON.matcher(caseOutput); m.find(); ) {
            long pid = Long.parseLong(m.group(1));
            if (end.containsKey(pid)) {
                failedOn.add(pid);
            }
        }
        end.forEach((pid, done) -> {
            long delta = done - start.getOrDefault(pid, 0L);
            if (delta > 0) {
                ran.put(pid, delta);
            }
        });
        return new WorkerChunks(ran, failedOn);
    }

    /** Some chunk of the case ran in a listed worker process: done there, or failed there. */
    boolean ranOnWorkers() {
        return chunksRun() > 0 || !failedOn.isEmpty();
    }

    long chunksRun() {
        return chunksByPid.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<Long, Long> rows(List<String> lines) {
        Map<Long, Long> rows = new HashMap<>();
        for (String line : lines) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                rows.put(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
            }
        }
        return rows;
    }
}
