package org.parshell.repl.shell;

import io.netty.util.concurrent.DefaultThreadFactory;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Status;
import org.parshell.repl.pool.MapProgress;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The status line under the prompt while a map runs for more than a second: a bar, items done of
 * the total, the rate, and the time left at that rate. It follows the map started last, disappears
 * when that map ends, and stays away: news of a map that is not running is ignored.
 */
final class ProgressBar implements MapProgress {
    /** A second, unless {@code PARSHELL_PROGRESS_AFTER_MS} says otherwise (tests of the bar set 0). */
    private static final long SHOW_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(showAfterMillis());
    private static final long REDRAW_MILLIS = 200;
    private static final long NONE = -1;

    private final Terminal terminal;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            new DefaultThreadFactory("parshell-progress", true));
    private ScheduledFuture<?> ticking;
    private long current = NONE;
    private long startNanos;
    private int done;
    private int total;
    private boolean shown;

    private final String unit;

    ProgressBar(Terminal terminal) {
        this(terminal, "items");
    }

    /** A bar counting {@code unit}s (a session file counts MiB). */
    ProgressBar(Terminal terminal, String unit) {
        this.terminal = terminal;
        this.unit = unit;
    }

    @Override
    public synchronized void started(long map, int total) {
        stopTicking();
        current = map;
        startNanos = System.nanoTime();
        this.done = 0;
        this.total = total;
        ticking = ticker.scheduleAtFixedRate(this::redraw, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void advanced(long map, int done, int total) {
        if (map == current) {
            this.done = done;
            this.total = total;
        }
    }

    @Override
    public synchronized void ended(long map) {
        if (map == current) {
            current = NONE;
            stopTicking();
        }
    }

    private void stopTicking() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
        if (shown) {
            Status status = Status.getStatus(terminal);
            status.update(List.of());
            terminal.flush();
            shown = false;
        }
    }

    private synchronized void redraw() {
        long elapsed = System.nanoTime() - startNanos;
        if (ticking == null || elapsed < SHOW_AFTER_NANOS) {
            return;
        }
        Status status = Status.getStatus(terminal);
        status.update(List.of(line(elapsed)));
        terminal.flush();
        shown = true;
    }

    private static long showAfterMillis() {
        try {
            return Long.parseLong(System.getenv().getOrDefault("PARSHELL_PROGRESS_AFTER_MS", "1000"));
        } catch (NumberFormatException e) {
            return 1000;
        }
    }

    private AttributedString line(long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = done / seconds;
        String left = done == 0 ? "?" : formatSeconds((total - done) / rate);
        String text = String.format(" %d/%d %s  %.0f/s  %s left  (%s)", done, total, unit, rate, left, formatSeconds(seconds));
        int width = Math.max(10, Math.min(40, terminal.getWidth() - text.length() - 4));
        int filled = total == 0 ? 0 : (int) ((long) width * done / total);
        return new AttributedStringBuilder()
                .append("[")
                .styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN), "#".repeat(filled))
                .append(".".repeat(width - filled))
                .append("]")
                .append(text)
                .toAttributedString();
    }

    static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + "s" : s / 60 + "m" + String.format("%02d", s % 60) + "s";
    }
}
