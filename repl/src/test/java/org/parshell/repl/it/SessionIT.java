package org.parshell.repl.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /save -values} in one real shell, {@code /open} in another: values come back equal without
 * their initializers running again, functions restored run on two workers, and a damaged file, a file
 * of another format version or one whose jar changed is refused with the session left as it was.
 */
class SessionIT {

    @TempDir
    Path dir;

    @Test
    void valuesComeBackEqualWithoutRunningTheirInitializers() throws Exception {
        Path file = dir.resolve("work.session");
        ParshellProcess.Result saved = ParshellProcess.runShell("""
                double r = Math.random();
                record P(double v, String s) {}
                P p = new P(r, "p" + Math.random());
                enum Color { RED, GREEN, BLUE }
                Color c = Color.BLUE;
                int k = 7;
                Function<Integer, Integer> f = x -> x * k;
                int[][] grid = {{1, 2, 3}, {4, 5, 6}};
                Map<String, List<Integer>> m = new TreeMap<>(Map.of("a", List.of(1, 2), "b", List.of(3)));
                List<P> ps = pmap(x -> new P(x * Math.random(), "v" + x), rangeClosed(1, 5));
                int runs = 0;
                String said(String s) { System.out.println(s); return ""; }
                String noisy = "made " + (++runs) + said("INITIALIZER RAN");
                String show() { return "r=" + r + " p=" + p + " c=" + c + " f(3)=" + f.apply(3) + " grid=" + Arrays.deepToString(grid) + " m=" + m + " ps=" + ps + " noisy=" + noisy + " runs=" + runs; }
                System.out.println("STATE " + show());
                System.out.println("EXPECT " + (f.apply(1) + r));
                /save -values %s
                """.formatted(file), "--workers", "2");
        assertEquals(0, saved.exitCode(), saved.output());
        assertTrue(saved.output().contains("INITIALIZER RAN"), saved.output());
        String state = line(saved.output(), "STATE ");
        String expected = line(saved.output(), "EXPECT ");

        ParshellProcess.Result restored = ParshellProcess.runShell("""
                int keep = 42;
                /open %s
                System.out.println("STATE " + show());
                /vars r
                List<String> mapped = pmap(x -> (f.apply(x) + r) + "@" + ProcessHandle.current().pid(), rangeClosed(1, 400));
                System.out.println("MAPPED " + mapped.get(0).split("@")[0] + " ON " + mapped.stream().map(s -> s.split("@")[1]).distinct().count());
                k = 10;
                System.out.println("LIVE " + f.apply(3));
                Function<Integer, Integer> f = x -> -x;
                System.out.println("REDEFINED " + f.apply(3) + " keep=" + keep);
                """.formatted(file), "--workers", "2");
        String out = restored.output();
        assertEquals(0, restored.exitCode(), out);
        assertEquals(state, line(out, "STATE "), out);
        assertFalse(out.contains("INITIALIZER RAN"), out);
        assertTrue(out.contains("Restored " + file), out);
        String r = state.replaceAll("^r=(\\S+) .*", "$1");
        assertTrue(out.contains("|    double r = " + r), out);
        assertEquals(expected + " ON 2", line(out, "MAPPED "), out);
        assertEquals("30", line(out, "LIVE "), out);
        assertEquals("-3 keep=42", line(out, "REDEFINED "), out);
    }

    @Test
    void aBigIntArrayAndOnlyTheNamedVariablesWithWhatTheyRead() throws Exception {
        Path file = dir.resolve("big.session");
        ParshellProcess.Result saved = ParshellProcess.runShell("""
                int[] big = null;
                { big = new int[100_000_000]; for (int i = 0; i < big.length; i++) big[i] = i * 31 + 7; }
                long sum(int[] a) { long s = 0; for (int v : a) s += v; return s; }
                int unrelated = 99;
                int k = 3;
                Function<Integer, Integer> times = x -> x * k;
                System.out.println("SUM " + sum(big) + " " + big[99_999_999] + " " + times.apply(5));
                /save -values big times %s
                """.formatted(file), "--workers", "0");
        assertEquals(0, saved.exitCode(), saved.output());
        assertTrue(Files.size(file) > 400_000_000L, "file of " + Files.size(file) + " bytes");

        Path check = Files.writeString(dir.resolve("check.jsh"), """
                System.out.println("SUM " + sum(big) + " " + big[99_999_999] + " " + times.apply(5));
                /vars k
                /vars unrelated
                """);
        ParshellProcess.Result restored = ParshellProcess.runShell("", "--workers", "0", file.toString(), check.toString());
        String out = restored.output();
        assertEquals(line(saved.output(), "SUM "), line(out, "SUM "), out);
        assertTrue(out.contains("|    int k = 3"), out);
        assertTrue(out.contains("No such snippet: unrelated"), out);
        assertTrue(out.contains("Restored " + file + ": 1 declaration, 3 variables set to the saved value"), out);
        assertFalse(out.contains("OutOfMemoryError"), out);
    }

    /**
     * JDK classes whose fields are closed to FST travel through their own Java serialization: at the top
     * level of a saved variable as well as inside a collection.
     */
    @Test
    void jdkSerializableValuesAtTheTopLevelComeBackEqual() throws Exception {
        Path file = dir.resolve("jdk.session");
        ParshellProcess.Result saved = ParshellProcess.runShell("""
                import java.util.concurrent.atomic.*;
                import java.text.SimpleDateFormat;
                AtomicInteger counter = new AtomicInteger(40);
                counter.addAndGet((int) (Math.random() * 1000));
                LongAdder adder = new LongAdder();
                adder.add(5); adder.add((long) (Math.random() * 1000));
                TimeZone zone = TimeZone.getTimeZone(Math.random() < 0.5 ? "Asia/Kolkata" : "America/St_Johns");
                SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm zzz");
                format.setTimeZone(zone);
                Map<String, AtomicInteger> inMap = new HashMap<>(Map.of("c", counter));
                String show() { return "counter=" + counter + " adder=" + adder + " zone=" + zone.getID() + " date=" + format.format(new Date(86_400_000L)) + " pattern=" + format.toPattern() + " inMap=" + inMap; }
                System.out.println("STATE " + show());
                /save -values %s
                """.formatted(file), "--workers", "0");
        assertEquals(0, saved.exitCode(), saved.output());
        String state = line(saved.output(), "STATE ");

        ParshellProcess.Result restored = ParshellProcess.runShell("""
                /open %s
                System.out.println("STATE " + show());
                System.out.println("LIVE " + counter.incrementAndGet());
                """.formatted(file), "--workers", "0");
        String out = restored.output();
        assertEquals(0, restored.exitCode(), out);
        assertEquals(state, line(out, "STATE "), out);
        int counter = Integer.parseInt(state.replaceAll("^counter=(\\d+) .*", "$1"));
        assertEquals(String.valueOf(counter + 1), line(out, "LIVE "), out);
        assertTrue(out.contains("variables set to the saved value"), out);
    }

    @Test
    void damagedOtherVersionAndChangedJarAreRefusedAndTheSessionIsUntouched() throws Exception {
        Path jar = CorpusJar.build(dir.resolve("lib"));
        Path file = dir.resolve("jar.session");
        ParshellProcess.Result saved = ParshellProcess.runShell("""
                /env --class-path %s
                corpus.lib.Greeter g = new corpus.lib.Greeter("Hello " + Math.random());
                int n = 5;
                System.out.println("GREETS " + g.greet("you"));
                /save -values %s
                """.formatted(jar, file), "--workers", "0");
        assertEquals(0, saved.exitCode(), saved.output());
        ParshellProcess.Result same = ParshellProcess.runShell("/open " + file + "\nSystem.out.println(\"GREETS \" + g.greet(\"you\"));\n",
                "--workers", "0");
        assertEquals(line(saved.output(), "GREETS "), line(same.output(), "GREETS "), same.output());

        byte[] bytes = Files.readAllBytes(file);
        byte[] damaged = bytes.clone();
        // a byte of the last value's contents, just before the 32-byte checksum: a byte in the middle of the file could
        // land on a length field (where it lies moves with the random greeting's length), which the reader refuses
        // before it reaches the checksum, with another message
        damaged[bytes.length - 32 - 1] ^= 0x40;
        Files.write(dir.resolve("damaged.session"), damaged);
        Files.write(dir.resolve("truncated.session"), Arrays.copyOf(bytes, bytes.length - 40));
        byte[] other = bytes.clone();
        other["parshell session\n".length() + 3] = 2;
        Files.write(dir.resolve("v2.session"), other);
        Files.write(jar, new byte[]{1}, java.nio.file.StandardOpenOption.APPEND);

        ParshellProcess.Result refused = ParshellProcess.runShell("""
                int keep = 42;
                /open %1$s/damaged.session
                /open %1$s/truncated.session
                /load %1$s/v2.session
                /open %1$s/jar.session
                /list
                /vars
                """.formatted(dir), "--workers", "0");
        String out = refused.output();
        assertEquals(1, refused.exitCode(), out);
        assertTrue(out.contains("damaged.session is damaged: its checksum does not match its contents"), out);
        assertTrue(out.contains("truncated.session is damaged"), out);
        assertTrue(out.contains("v2.session was written in session format version 2; this parshell reads version 1"), out);
        assertTrue(out.contains("needs the jar " + jar + " as it was"), out);
        assertEquals(4, count(out, "The session is as it was."), out);
        assertTrue(out.contains("   1 : int keep = 42;"), out);
        assertFalse(out.contains("Greeter g"), out);
        assertFalse(out.contains("int n"), out);
        assertTrue(out.contains("|    int keep = 42"), out);
    }

    @Test
    void aBigSaveAndRestoreShowTheProgressBarAtTheTerminal() throws Exception {
        RequiredTool.require(TmuxSession.available(), "tmux is not installed; the terminal tests need it");
        Path file = dir.resolve("terminal.session");
        try (TmuxSession t = TmuxSession.start("env HOME=" + dir + " PARSHELL_PROGRESS_AFTER_MS=0 " + ParshellProcess.ROOT.resolve("scripts/parshell") + " --workers 0")) {
            t.awaitPrompts(1, 120);
            t.type("long[] big = null;");
            t.press("Enter");
            t.awaitPrompts(2, 60);
            t.type("{ big = new long[100_000_000]; Arrays.fill(big, 7L); }");
            t.press("Enter");
            t.awaitPrompts(3, 60);
            t.type("/save -values " + file);
            t.press("Enter"); // the bar shows at once (PARSHELL_PROGRESS_AFTER_MS=0): a fast disk saves in under a second
            t.awaitScreen(Pattern.compile("\\[#*\\.*] \\d+/762 MiB  \\d+/s  \\S+ left"), 60);
            t.awaitScreen("1 variable with its value", 120);
            t.awaitPrompts(4, 60);
            Thread.sleep(2500); // the bar redraws every 200 ms: look again well after it could have come back
            assertFalse(t.visible().contains("/762 MiB"), "the progress bar is gone when the save ends:\n" + t.visible());
            t.type("/open " + file);
            t.press("Enter");
            t.awaitScreen(Pattern.compile("\\[#*\\.*] \\d+/1525 MiB"), 60);
            t.awaitScreen("1 variable set to the saved value", 120);
            t.awaitPrompts(5, 60);
            Thread.sleep(2500); // the bar redraws every 200 ms: look again well after it could have come back
            assertFalse(t.visible().contains("/1525 MiB"), "the progress bar is gone when the restore ends:\n" + t.visible());
        }
    }

    private static String line(String output, String prefix) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(prefix) + "(.*)$").matcher(output);
        assertTrue(m.find(), "no line starting with '" + prefix + "' in:\n" + output);
        return m.group(1);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
