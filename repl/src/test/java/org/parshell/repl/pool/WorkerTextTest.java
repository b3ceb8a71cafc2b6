package org.parshell.repl.pool;

import org.junit.jupiter.api.Test;
import org.parshell.protocol.message.RemoteFailure;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a worker says reaches the terminal without anything that drives the terminal. */
class WorkerTextTest {
    @Test
    void controlAndFormatCharactersBecomeQuestionMarks() {
        assertEquals("a?[2Jb?c?d", WorkerText.line("a\u001b[2Jb\u0007c\u202ed", 100));
        assertEquals("ab...", WorkerText.line("abcdef", 2));
    }

    @Test
    void aFailureKeepsItsLinesButLosesEscapes() {
        RemoteFailure f = new RemoteFailure("x.Bad\u001b", "line one\nline\ttwo\u001b]0;title\u0007",
                List.of(new RemoteFailure.Frame("C\u001b", "m", null, 3)),
                new RemoteFailure("Cause\u0007", null, List.of(), null));
        RemoteFailure clean = WorkerText.failure(f);
        assertEquals("x.Bad?", clean.type());
        assertEquals("line one\nline\ttwo?]0;title?", clean.message());
        assertEquals("C?", clean.frames().get(0).className());
        assertEquals(null, clean.frames().get(0).file());
        assertEquals("Cause?", clean.cause().type());
    }
}
