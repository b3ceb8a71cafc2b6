package org.parshell.repl.capture;

import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.net.ServerSocket;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ObjectGraphTest {

    private static String refusal(Object root) {
        return assertThrows(NotShippableException.class,
                () -> new ObjectGraph().walk(root, "variable v (Holder)", "v")).getMessage();
    }

    static final class Holder {
        final List<Object> things;

        Holder(List<Object> things) {
            this.things = things;
        }
    }

    @Test
    void aResourceDeepInsideIsNamedByItsPathFromTheVariable() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            assertEquals("variable v (Holder) cannot be sent: v.things[1] is a java.net.ServerSocket, which holds a "
                    + "resource of this process and cannot be sent to a worker", refusal(new Holder(List.of("ok", socket))));
        }
    }

    @Test
    void mapValuesAreNamedByTheirKey() {
        String message = refusal(Map.of("t", new Thread(() -> { })));
        assertEquals("variable v (Holder) cannot be sent: v.get(t) is a java.lang.Thread, which holds a resource "
                + "of this process and cannot be sent to a worker", message);
    }

    @Test
    void aLibraryLambdaThatIsNotSerializableIsRefusedWithItsMaker() {
        Function<Integer, Integer> plus1 = (Function<Integer, Integer> & Serializable) x -> x + 1;
        String message = refusal(List.of(plus1.andThen(plus1)));
        assertEquals("variable v (Holder) cannot be sent: v[0] is a lambda made inside java.util.function.Function, "
                + "which is not serializable; write it as a lambda at the prompt instead", message);
    }

    @Test
    void aSerializableLibraryLambdaAndInMemoryStreamsPass() {
        Comparator<String> byLength = Comparator.comparing((Function<String, Integer> & Serializable) String::length);
        assertDoesNotThrow(() -> new ObjectGraph()
                .walk(List.of(byLength, new java.io.ByteArrayInputStream(new byte[1])), "v", "v"));
    }
}
