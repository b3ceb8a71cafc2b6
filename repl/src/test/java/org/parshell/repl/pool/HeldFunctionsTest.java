package org.parshell.repl.pool;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeldFunctionsTest {
    private static String hash(int n) {
        return String.format("%064x", n);
    }

    @Test
    void aFunctionSentWholeIsHeldInItsGenerationOnly() {
        HeldFunctions held = new HeldFunctions();
        assertFalse(held.holds(1, hash(1)));
        held.sent(1, hash(1));
        assertTrue(held.holds(1, hash(1)));
        assertTrue(held.holds(1, new String(hash(1))), "by value, not by identity");
        assertFalse(held.holds(2, hash(1)), "a new generation's worker loader has none of the old one's functions");
        held.sent(2, hash(1));
        assertFalse(held.holds(1, hash(1)), "believed held only where it was sent last");
        held.forget(2, hash(1));
        assertFalse(held.holds(2, hash(1)));
    }

    @Test
    void theLeastRecentlyUsedIsForgottenBeyondAsManyAsAWorkerKeeps() {
        HeldFunctions held = new HeldFunctions();
        for (int i = 0; i < HeldFunctions.MAX_FUNCTIONS; i++) {
            held.sent(1, hash(i));
        }
        assertTrue(held.holds(1, hash(0))); // used: now the most recent
        held.sent(1, hash(HeldFunctions.MAX_FUNCTIONS));
        assertTrue(held.holds(1, hash(0)));
        assertFalse(held.holds(1, hash(1)), "the least recently used went");
        assertTrue(held.holds(1, hash(HeldFunctions.MAX_FUNCTIONS)));
    }
}
