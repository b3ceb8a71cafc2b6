package org.parshell.repl.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --hostfile FILE}: one worker a line, as {@code ssh://...}, {@code dns://...} or
 * {@code HOST[:PORT]} of a running daemon, {@code #} starting a comment. {@code slots=N} after the
 * target (as Open MPI writes it) gives the worker N slots: an ssh-started worker gets N task threads,
 * a daemon runs N of this shell's chunks at once. A target listed several times (as in PBS's node
 * file, one line a core) counts one slot a line; a target listed once without slots uses the worker's
 * threads. Other words (Open MPI's {@code max_slots=...}, a limit, not a count) are ignored. MPICH's
 * {@code HOST:N} is not read as slots: {@code HOST:PORT} names a daemon's port.
 */
public final class HostFile {
    /** One line's worth: what to attach and how many slots (0 for the worker's own threads). */
    public record Entry(String target, int slots) {
    }

    private HostFile() {
    }

    public static List<Entry> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Map<String, Integer> slots = new LinkedHashMap<>();
        Map<String, Integer> listed = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            try {
                WorkerTargets.validate(words[0]);
                slots.merge(words[0], slotsOf(words), Integer::sum);
                listed.merge(words[0], 1, Integer::sum);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        List<Entry> entries = new ArrayList<>();
        // slotsOf counts 0 for a line without slots=N: a target listed once so gets the host's cores
        slots.forEach((target, n) -> entries.add(new Entry(target, n > 0 ? n : listed.get(target) > 1 ? listed.get(target) : 0)));
        return entries;
    }

    private static int slotsOf(String[] words) {
        for (int i = 1; i < words.length; i++) {
            if (words[i].startsWith("slots=")) {
                try {
                    int n = Integer.parseInt(words[i].substring("slots=".length()));
                    if (n < 1) {
                        throw new NumberFormatException();
                    }
                    return n;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + words[i] + "': slots must be a whole number of at least 1");
                }
            }
        }
        return 0;
    }
}
