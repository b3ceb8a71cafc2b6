package org.parshell.repl.pool;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdkRequirementTest {
    @Test
    void featureReleaseOfEveryVersionStyle() {
        assertEquals(17, JdkRequirement.feature("17.0.15"));
        assertEquals(21, JdkRequirement.feature("21"));
        assertEquals(25, JdkRequirement.feature("25+36-LTS"));
        assertEquals(8, JdkRequirement.feature("1.8.0_292"));
        assertEquals(0, JdkRequirement.feature("unknown"));
    }

    @Test
    void anOlderWorkerIsRefusedNamingBothClassFileVersions() {
        String problem = JdkRequirement.problem("11.0.2", 17);
        assertTrue(problem.startsWith("the worker runs JDK 11.0.2 (class files up to version 55)"), problem);
        assertTrue(problem.contains("(class-file version 61)"), problem);
    }

    @Test
    void theSameOrANewerJdkJoins() {
        assertNull(JdkRequirement.problem("17.0.1", 17));
        assertNull(JdkRequirement.problem("25", 17));
    }
}
