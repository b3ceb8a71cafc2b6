package org.parshell.repl.api;

import java.util.List;
import java.util.function.Function;

/** What {@link Parallel} calls to run a map: the shell's worker pool, installed when the shell starts. */
public interface Mapper {
    List<Object> map(Function<?, ?> function, List<?> inputs);

    /** Whether {@code value} (called {@code name} in the answer) could travel to a worker, and what it would take or why not. */
    default String check(Object value, String name) {
        return "cannot tell: this shell does not check values";
    }
}
