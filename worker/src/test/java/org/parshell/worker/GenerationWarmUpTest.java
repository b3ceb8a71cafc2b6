package org.parshell.worker;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm-up does its whole work through a real generation's codecs, not fail half-way in silence. */
class GenerationWarmUpTest {
    @Test
    void aGenerationsCodecsWarmUpWholly() {
        assertTrue(GenerationWarmUp.run(GenerationClasses.create(1, "shell@test")));
    }
}
