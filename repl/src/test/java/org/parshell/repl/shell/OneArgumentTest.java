package org.parshell.repl.shell;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one rule for what {@code /pmap} and its Tab completion take: a method callable as {@code f(x)}. */
class OneArgumentTest {
    @Test
    void oneParameterAVarargsAloneOrOneBeforeAVarargsAreCallableWithOneArgument() {
        assertTrue(OneArgument.accepts("int"));
        assertTrue(OneArgument.accepts("int..."));
        assertTrue(OneArgument.accepts("int,int..."));
        assertTrue(OneArgument.accepts("java.util.Map<String,Integer>"));
        assertTrue(OneArgument.accepts("Map<String,List<Integer>>,int..."));
    }

    @Test
    void noParametersOrTwoBeforeAVarargsAreNot() {
        assertFalse(OneArgument.accepts(""));
        assertFalse(OneArgument.accepts("int,int"));
        assertFalse(OneArgument.accepts("int,int,int..."));
        assertFalse(OneArgument.accepts("Map<String,Integer>,int"));
    }
}
