package org.parshell.repl.shell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommandHintTest {
    private static final List<String> NAMES = List.of("/list", "/load", "/vars", "/methods", "/pmap", "/exit");

    @Test
    void aSwapOrAMissingLetterFindsTheCommand() {
        assertEquals(Optional.of("/list"), CommandHint.closest("/lsit", NAMES));
        assertEquals(Optional.of("/methods"), CommandHint.closest("/methds", NAMES));
        assertEquals(Optional.of("/pmap"), CommandHint.closest("/pamp", NAMES));
    }

    @Test
    void somethingFarFromEveryCommandGetsNoHint() {
        assertEquals(Optional.empty(), CommandHint.closest("/xyzzy", NAMES));
    }
}
