package org.parshell.repl.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * parshell at a real terminal (tmux), as a person uses it: completion, a method over two lines,
 * history with the arrow keys and Ctrl-R, documentation on Shift-Tab, the progress bar of a long map, /exit and Ctrl-D, and
 * history kept across sessions in $HOME/.parshell/history (HOME is a temporary directory here).
 */
class TerminalIT {
    private static final long START_SECONDS = 120;
    private static final long STEP_SECONDS = 60;
    /** The bar redraws every 0.2 s and used to come back about a second after its map ended: look again later. */
    private static final long BAR_RETURN_WINDOW_MILLIS = 2500;
    /** When the bar shows for a map still running (ProgressBar's default). */
    private static final long SHOW_AFTER_MILLIS = 1000;

    @TempDir
    Path home;

    @BeforeAll
    static void needsTmux() {
        RequiredTool.require(TmuxSession.available(), "tmux is not installed; the terminal tests need it");
    }

    private TmuxSession startShell() throws Exception {
        return TmuxSession.start("env HOME=" + home + " " + ParshellProcess.ROOT.resolve("scripts/parshell") + " --workers 2");
    }

    @Test
    void aSessionAtTheTerminal() throws Exception {
        try (TmuxSession t = startShell()) {
            t.awaitPrompts(1, START_SECONDS);
            t.type("int squared(int x) { return x * x; }");
            t.press("Enter");
            t.awaitPrompts(2, STEP_SECONDS);

            t.type("/pmap squ");
            t.press("Tab");
            t.awaitScreen("parshell> /pmap squared ", STEP_SECONDS);
            t.type("0..9");
            t.press("Enter");
            t.awaitScreen("$2 ==> [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]", STEP_SECONDS);

            t.type("int cube(int x) {");
            t.press("Enter");
            t.awaitScreen(Pattern.compile("^   \\.\\.\\.> $", Pattern.MULTILINE), STEP_SECONDS);
            t.type("return x * x * x; }");
            t.press("Enter");
            t.awaitPrompts(4, STEP_SECONDS);
            t.type("/pmap cube 1..3");
            t.press("Enter");
            t.awaitScreen("$4 ==> [1, 8, 27]", STEP_SECONDS);

            t.awaitPrompts(5, STEP_SECONDS);
            t.press("Up");
            t.awaitScreen(Pattern.compile("^parshell> /pmap cube 1\\.\\.3\\s*\\z", Pattern.MULTILINE), STEP_SECONDS);
            t.press("Enter");
            t.awaitScreen("$5 ==> [1, 8, 27]", STEP_SECONDS);

            t.type("int slow(int x) { try { Thread.sleep(30); } catch (InterruptedException e) { } return x; }");
            t.press("Enter");
            t.awaitPrompts(7, STEP_SECONDS);
            t.type("/pmap slow 0..199");
            t.press("Enter");
            t.awaitScreen(Pattern.compile("\\[#*\\.*] \\d+/200 items  \\d+/s  \\S+ left"), STEP_SECONDS);
            t.awaitScreen("$7 ==> [0, 1, 2, 3", STEP_SECONDS);
            t.awaitPrompts(8, STEP_SECONDS);
            assertFalse(t.visible().contains("/200 items"), "the progress bar is gone when the map ends:\n" + t.visible());
            Thread.sleep(BAR_RETURN_WINDOW_MILLIS);
            assertFalse(t.visible().contains("/200 items"), "the progress bar does not come back after the map ended:\n" + t.visible());

            t.press("C-r");
            t.type("pmap squ");
            t.press("Enter");
            t.awaitScreen(Pattern.compile("\\$8 ==> \\[0, 1, 4, 9"), STEP_SECONDS);

            t.awaitPrompts(9, STEP_SECONDS);
            t.type("/exit");
            t.press("Enter");
            assertTrue(t.awaitExit(STEP_SECONDS), "/exit leaves the shell:\n" + t.screen());
        }
        String history = Files.readString(home.resolve(".parshell").resolve("history"));
        assertTrue(history.contains("/pmap cube 1..3") && history.contains("int cube(int x) {"), history);
    }

    /**
     * A map whose input cannot be encoded fails before any chunk leaves; it used to stay among the running maps,
     * and a second later its progress bar ("0/1 items") showed under the prompt and stayed there.
     */
    @Test
    void aMapWhoseInputCannotTravelFailsAndLeavesNoProgressBar() throws Exception {
        try (TmuxSession t = startShell()) {
            t.awaitPrompts(1, START_SECONDS);
            t.type("class Refuses implements java.io.Serializable { private void writeObject(java.io.ObjectOutputStream o) { throw new IllegalStateException(\"refused\"); } }");
            t.press("Enter");
            t.awaitPrompts(2, STEP_SECONDS);
            t.type("pmap(x -> x.hashCode(), List.of(new Refuses()))");
            t.press("Enter");
            t.awaitScreen("PayloadException: cannot encode Object[1]: java.lang.IllegalStateException: refused", STEP_SECONDS);
            t.awaitPrompts(3, STEP_SECONDS);
            Thread.sleep(SHOW_AFTER_MILLIS + BAR_RETURN_WINDOW_MILLIS);
            assertFalse(t.visible().contains(" items "), "no progress bar for the map that failed:\n" + t.visible());
            t.type("pmap(x -> x + 1, List.of(1, 2))");
            t.press("Enter");
            t.awaitScreen("==> [2, 3]", STEP_SECONDS);
        }
    }

    @Test
    void historyOutlivesTheSessionAndCtrlDLeaves() throws Exception {
        try (TmuxSession t = startShell()) {
            t.awaitPrompts(1, START_SECONDS);
            t.type("String remembered = \"from the first session\";");
            t.press("Enter");
            t.awaitScreen("remembered ==> \"from the first session\"", STEP_SECONDS);
            t.awaitPrompts(2, STEP_SECONDS);
            t.press("C-d");
            assertTrue(t.awaitExit(STEP_SECONDS), "Ctrl-D at an empty prompt leaves:\n" + t.screen());
        }
        try (TmuxSession t = startShell()) {
            t.awaitPrompts(1, START_SECONDS);
            t.press("Up");
            t.awaitScreen("parshell> String remembered = \"from the first session\";", STEP_SECONDS);
            t.press("Enter");
            t.awaitScreen("remembered ==> \"from the first session\"", STEP_SECONDS);
            t.type("\"abc\".toUpp");
            t.press("Tab");
            t.awaitScreen("parshell> \"abc\".toUpperCase(", STEP_SECONDS);
            t.type(")");
            t.press("Enter");
            t.awaitScreen("==> \"ABC\"", STEP_SECONDS);
            t.type("Math.max(");
            t.press("BTab");
            t.awaitScreen("int Math.max(int a, int b)", STEP_SECONDS);
            t.press("C-u");
            t.type("/exit");
            t.press("Enter");
            assertTrue(t.awaitExit(STEP_SECONDS), "/exit leaves the shell:\n" + t.screen());
        }
    }
}
