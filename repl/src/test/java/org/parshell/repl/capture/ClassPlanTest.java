package org.parshell.repl.capture;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassPlanTest {
    record Item(int id, String name, double price) {
    }

    record Tagged(Item item, int[] codes, String[] labels) {
    }

    record Loose(int id, Object payload) {
    }

    static final class Node {
        final Node next;

        Node(Node next) {
            this.next = next;
        }
    }

    @Test
    void aRecordOfNumbersAndStringsIsClosed() {
        assertTrue(ClassPlan.of(Item.class).closed());
        assertTrue(ClassPlan.of(Tagged.class).closed());
        assertTrue(ClassPlan.of(Node.class).closed(), "a cycle of final classes");
    }

    @Test
    void aFieldThatCanHoldAnythingMustBeWalked() {
        assertFalse(ClassPlan.of(Loose.class).closed());
        assertFalse(ClassPlan.of(Object[].class).closed());
        assertFalse(ClassPlan.of(java.util.ArrayList.class).closed());
    }

    @Test
    void theDecisionIsMadeOncePerClass() {
        assertSame(ClassPlan.of(Item.class), ClassPlan.of(Item.class));
        assertEquals(0, ClassPlan.of(Item.class).referenceFields.length - 1, "only the String field is followed");
    }

    @Test
    void aResourceIsRefusedByItsClassWhateverHoldsIt() throws Exception {
        assertTrue(ClassPlan.of(ServerSocket.class).refusal.contains("holds a resource of this process"));
        assertNull(ClassPlan.of(java.io.ByteArrayInputStream.class).refusal);
        try (ServerSocket socket = new ServerSocket()) {
            String message = assertThrows(NotShippableException.class,
                    () -> new ObjectGraph().walk(List.of(new Item(1, "a", 2), new Loose(2, socket)), "input 0", "inputs[0]"))
                    .getMessage();
            assertEquals("input 0 cannot be sent: inputs[0][1].payload is a java.net.ServerSocket, which holds a resource "
                    + "of this process and cannot be sent to a worker", message);
        }
    }
}
