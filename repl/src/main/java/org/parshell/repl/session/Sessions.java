package org.parshell.repl.session;

import org.parshell.repl.capture.ClassPath;
import org.parshell.repl.pool.MapProgress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code /save -values [NAME...] FILE} and the restore {@code /open FILE} (also {@code /load} and
 * {@code parshell FILE}) does when {@code FILE} is a session file: the shell's way in to this package.
 */
public final class Sessions {
    private static final long PROGRESS_UNIT = 1 << 20;

    /** What a session needs of the shell. */
    public interface Hooks {
        /** The generation to save from or restore into. */
        SessionTarget target();

        /** Evaluates a snippet as if typed (its result shown); false if it failed. */
        boolean evaluate(String source);

        /** Adds a jar to the class path, as {@code /env --class-path} does. */
        void addJar(Path jar) throws IOException;

        List<ClassPath.Jar> jars();

        /** Where to show how far a big file is (the terminal's progress bar, in MiB). */
        MapProgress progress();
    }

    private final Hooks hooks;
    /** A line for the user, behind jshell's margin (the shell's one writer of it). */
    private final Consumer<String> say;

    public Sessions(Hooks hooks, Consumer<String> say) {
        this.hooks = hooks;
        this.say = say;
    }

    public static boolean isSessionFile(Path file) {
        return SessionFormat.isSessionFile(file);
    }

    /** {@code args} is what follows {@code /save -values}: {@code [NAME...] FILE}. */
    public boolean save(String args) {
        List<String> words = Arrays.stream(args.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            say.accept("Usage: /save -values [NAME...] FILE");
            return false;
        }
        Path file = Path.of(words.get(words.size() - 1));
        try {
            SessionSaver.Saved saved = new SessionSaver(hooks.target()).collect(hooks.jars(), words.subList(0, words.size() - 1));
            long total = saved.values().stream().mapToLong(Sessions::sizeOf).sum();
            try (Meter meter = new Meter(hooks.progress(), total)) {
                SessionFileWriter.write(file, saved.header(), saved.values(), meter);
            }
            long bySource = saved.header().entries().stream().filter(e -> e.kind() == SessionEntry.Kind.SOURCE).count();
            saved.header().entries().stream().filter(e -> e.kind() == SessionEntry.Kind.SOURCE).forEach(e ->
                    say.accept(e.name() + " is saved as source, to be evaluated again on restore: " + e.reason()));
            say.accept("Saved " + saved.header().entries().size() + " snippets to " + file + ", "
                    + saved.header().valueCount() + (saved.header().valueCount() == 1 ? " variable with its value" : " variables with their values") + (bySource == 0 ? "" : ", " + bySource + " as source"));
            return true;
        } catch (SessionRefused e) {
            say.accept("/save -values: " + e.getMessage());
            return false;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            say.accept("/save -values: cannot write " + file + ": " + e.getMessage());
            return false;
        }
    }

    /** Restores {@code file}, or says why not and leaves the session as it was; false if anything failed. */
    public boolean restore(Path file) {
        try {
            // one bar for both passes: the check of the whole file, then the values
            try (Meter meter = new Meter(hooks.progress(), 2 * java.nio.file.Files.size(file))) {
                SessionHeader header = SessionFileReader.verify(file, meter);
                SessionRestorer.checkCompatible(header, file);
                return new SessionRestorer(hooks.target(), hooks, say).restore(file, header, meter);
            }
        } catch (SessionRefused e) {
            say.accept("Not restored: " + e.getMessage() + ". The session is as it was.");
            return false;
        } catch (IOException e) {
            say.accept("Cannot restore " + file + ": " + e.getMessage());
            return false;
        }
    }

    private static long sizeOf(Object value) {
        if (value instanceof SessionSaver.Encoded e) {
            return e.bytes().length;
        }
        return PrimitiveArrays.byteSize(value.getClass().getComponentType().getName(), java.lang.reflect.Array.getLength(value));
    }

    /** Counts bytes and tells the progress bar in MiB. */
    private static final class Meter implements PrimitiveArrays.Progress, AutoCloseable {
        private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();
        private final long id = IDS.incrementAndGet();
        private final MapProgress progress;
        private final int totalUnits;
        private long bytes;

        Meter(MapProgress progress, long total) {
            this.progress = progress;
            this.totalUnits = (int) Math.max(1, total / PROGRESS_UNIT);
            progress.started(id, totalUnits);
        }

        @Override
        public void bytes(long count) {
            bytes += count;
            progress.advanced(id, (int) Math.min(totalUnits, bytes / PROGRESS_UNIT), totalUnits);
        }

        @Override
        public void close() {
            progress.ended(id);
        }
    }
}
