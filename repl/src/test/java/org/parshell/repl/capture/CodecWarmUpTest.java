package org.parshell.repl.capture;

import org.junit.jupiter.api.Test;
import org.parshell.protocol.payload.PayloadCodec;
import org.parshell.protocol.payload.ResultClassFilter;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm-up does its work through a shell's real codec (results filtered as a generation filters them), not fail half-way in silence. */
class CodecWarmUpTest {
    @Test
    void aGenerationsCodecWarmsUpWholly() {
        ClassLoader snippets = new ClassLoader(getClass().getClassLoader()) { };
        assertTrue(CodecWarmUp.run(PayloadCodec.forLoader(snippets, new ResultClassFilter(snippets))));
    }
}
