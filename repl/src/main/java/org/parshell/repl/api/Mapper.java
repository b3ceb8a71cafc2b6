package org.parshell.repl.api;

import java.util.List;
import java.util.function.Function;

/** What {@link Parallel} calls to run a map: the shell's worker pool, installed when the shell starts. */
public interface Mapper {
    List<Object> map(Function<?, ?> function, List<?> inputs);
}
