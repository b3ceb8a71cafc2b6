package org.parshell.repl.pool;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JoinRequirementsTest {
    @Test
    void featureReleaseOfEveryVersionStyle() {
        assertEquals(17, JoinRequirements.feature("17.0.15"));
        assertEquals(21, JoinRequirements.feature("21"));
        assertEquals(25, JoinRequirements.feature("25+36-LTS"));
        assertEquals(8, JoinRequirements.feature("1.8.0_292"));
        assertEquals(0, JoinRequirements.feature("unknown"));
    }

    @Test
    void anOlderWorkerIsRefusedNamingBothClassFileVersions() {
        String problem = JoinRequirements.problem("11.0.2", 17);
        assertTrue(problem.startsWith("the worker runs JDK 11.0.2 (class files up to version 55)"), problem);
        assertTrue(problem.contains("(class-file version 61)"), problem);
    }

    @Test
    void anotherParshellVersionIsRefusedNamingBoth() {
        assertEquals("the worker runs parshell 0.2.0 and this shell parshell 0.1.0; run the same version on both",
                JoinRequirements.parshellProblem("0.2.0", "0.1.0"));
        assertNull(JoinRequirements.parshellProblem("0.1.0", "0.1.0"));
    }

    @Test
    void theSameOrANewerJdkJoins() {
        assertNull(JoinRequirements.problem("17.0.1", 17));
        assertNull(JoinRequirements.problem("25", 17));
    }
}
