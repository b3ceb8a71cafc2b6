package org.parshell.repl.startup;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Where start-up time goes, for {@code scripts/bench}: with the environment variable
 * {@value #VARIABLE} set, each step prints {@code parshell-startup STEP EPOCH_MICROS [DETAIL]} on standard
 * error, on the wall clock, so that the process that started the shell can subtract its own start time.
 * Without it nothing is printed and nothing is loaded.
 */
public final class StartupTrace {
    public static final String VARIABLE = "PARSHELL_STARTUP_TRACE";
    public static final String PREFIX = "parshell-startup ";
    private static final boolean ON = System.getenv(VARIABLE) != null;
    private static final PrintStream ERR = ON
            ? new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8) : null;

    private static final java.util.Set<String> ONCE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private StartupTrace() {
    }

    public static boolean on() {
        return ON;
    }

    /** Marks {@code step} the first time only (the first map's steps). */
    public static void once(String step) {
        if (ON && ONCE.add(step)) {
            mark(step);
        }
    }

    public static void mark(String step) {
        mark(step, "");
    }

    public static void mark(String step, String detail) {
        if (ON) {
            mark(step, micros(Instant.now()), detail);
        }
    }

    /** A step that happened at {@code epochMicros} (measured by someone else, such as the launcher script). */
    public static void mark(String step, long epochMicros, String detail) {
        if (ON) {
            ERR.println(PREFIX + step + " " + epochMicros + (detail.isEmpty() ? "" : " " + detail));
        }
    }

    /** The prompt is about to show, with how many classes this JVM has loaded by then. */
    public static void prompt() {
        if (ON) {
            long at = micros(Instant.now());
            mark("prompt", at, "classes=" + java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        }
    }

    /**
     * {@code cpu_ms=N}: the processor time process {@code pid} has used so far, all its threads (a figure the
     * load of a shared machine moves far less than it moves wall-clock times); empty where Linux's
     * {@code /proc/PID/task/TID/schedstat} cannot be read.
     */
    public static String processorTime(long pid) {
        if (!ON) {
            return "";
        }
        long nanos = 0;
        try (var threads = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("/proc", Long.toString(pid), "task"))) {
            for (java.nio.file.Path thread : threads) {
                nanos += Long.parseLong(java.nio.file.Files.readString(thread.resolve("schedstat")).split(" ")[0]);
            }
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
        return "cpu_ms=" + nanos / 1_000_000;
    }

    /** The launcher script's start and its {@code exec} of java, from what it put in the environment. */
    public static void launcher() {
        if (ON) {
            launcherStep("launcher-start", "PARSHELL_LAUNCHER_START");
            launcherStep("java-exec", "PARSHELL_LAUNCHER_EXEC");
        }
    }

    /** {@code $EPOCHREALTIME} of bash: seconds with six decimals, whatever the locale's separator. */
    private static void launcherStep(String step, String variable) {
        String value = System.getenv(variable);
        if (value != null && value.matches("[0-9]+[.,][0-9]{6}")) {
            mark(step, Long.parseLong(value.replaceAll("[.,]", "")), "");
        }
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
    }
}
