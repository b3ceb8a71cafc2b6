package org.parshell.protocol.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * An exception thrown on a worker, as data: like jshell's own execution control, a user's
 * {@code Throwable} never travels as a live object, so the shell need not load its class.
 */
public record RemoteFailure(String type, String message, List<Frame> frames, RemoteFailure cause) {
    private static final int MAX_CAUSES = 8;

    /** One stack frame: the class as named on the worker, method, file and line. */
    public record Frame(String className, String method, String file, int line) {
    }

    public static RemoteFailure of(Throwable t) {
        return of(t, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static RemoteFailure of(Throwable t, Set<Throwable> seen) {
        seen.add(t);
        List<Frame> frames = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            frames.add(new Frame(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber()));
        }
        Throwable cause = t.getCause();
        RemoteFailure remoteCause = cause == null || seen.contains(cause) || seen.size() > MAX_CAUSES
                ? null : of(cause, seen);
        return new RemoteFailure(t.getClass().getName(), t.getMessage(), List.copyOf(frames), remoteCause);
    }
}
