package org.parshell.repl.session;

import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.parshell.protocol.Sha256;
import org.parshell.protocol.payload.PayloadCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Brings a verified session back: declarations are evaluated again; each variable saved by value is
 * declared from its source with its initializer compiled but not run (nothing it did runs again, and
 * lambdas it made find their code) and its field in JShell's wrapper class is set to the saved value; variables saved as source, and any value that cannot be set, are
 * evaluated from source last, when the values they may read are in place.
 */
final class SessionRestorer {
    private final SessionTarget target;
    private final Sessions.Hooks hooks;
    /** A line for the user, behind jshell's margin (the shell's one writer of it). */
    private final Consumer<String> say;

    SessionRestorer(SessionTarget target, Sessions.Hooks hooks, Consumer<String> say) {
        this.target = target;
        this.hooks = hooks;
        this.say = say;
    }

    /** Refuses the file before declaring anything if the JDK differs or a jar is missing or changed. */
    static void checkCompatible(SessionHeader header, Path file) throws SessionRefused {
        int saved;
        try {
            saved = Runtime.Version.parse(header.jdk()).feature();
        } catch (IllegalArgumentException e) {
            throw new SessionRefused(file + " names no JDK version it could have been written by: " + header.jdk());
        }
        if (saved != Runtime.version().feature()) {
            throw new SessionRefused(file + " was saved by JDK " + header.jdk() + "; this shell runs JDK "
                    + Runtime.version() + " (saved values of JDK classes need the same JDK)");
        }
        for (SavedJar jar : header.jars()) {
            Path path = Path.of(jar.path());
            try {
                if (!Files.isRegularFile(path)) {
                    throw new SessionRefused(file + " needs the jar " + jar.path() + ", which is missing");
                }
                if (!Sha256.hex(path).equals(jar.sha256())) {
                    throw new SessionRefused(file + " needs the jar " + jar.path() + " as it was (SHA-256 "
                            + jar.sha256() + "), and it has changed since");
                }
            } catch (IOException e) {
                throw new SessionRefused(file + " needs the jar " + jar.path() + ", which cannot be read: " + e.getMessage());
            }
        }
    }

    /** Restores a file that passed {@link SessionFileReader#verify} and {@link #checkCompatible}; false if a part failed. */
    boolean restore(Path file, SessionHeader header, PrimitiveArrays.Progress progress) throws IOException {
        for (SavedJar jar : header.jars()) {
            hooks.addJar(Path.of(jar.path()));
        }
        Map<SessionEntry, String> fromSource = new LinkedHashMap<>();
        boolean ok = declare(header, fromSource);
        // all classes, not only those installed now: a declaration identical to one this shell has keeps its class
        Map<String, String> renames = WrapperKeys.renames(header.wrapperKeys(),
                WrapperKeys.current(target.store().namesInOrder(), target.snippets()));
        int restored = setValues(file, header, renames, fromSource, progress);
        for (Map.Entry<SessionEntry, String> e : fromSource.entrySet()) {
            say.accept(e.getKey().name() + " is evaluated again from its source: " + e.getValue());
            ok &= hooks.evaluate(e.getKey().source());
        }
        long declared = header.entries().stream().filter(e -> e.kind() == SessionEntry.Kind.DECLARATION).count();
        say.accept("Restored " + file + ": " + declared + (declared == 1 ? " declaration, " : " declarations, ")
                + restored + (restored == 1 ? " variable" : " variables") + " set to the saved value"
                + (fromSource.isEmpty() ? "" : ", " + fromSource.size() + " evaluated again"));
        return ok;
    }

    /**
     * Declares imports, methods and types, and the variables saved by value (initializers not run), in
     * the order typed; puts in {@code fromSource} the variables to evaluate from source, with why.
     */
    private boolean declare(SessionHeader header, Map<SessionEntry, String> fromSource) {
        boolean ok = true;
        for (SessionEntry e : header.entries()) {
            switch (e.kind()) {
                case DECLARATION -> ok &= hooks.evaluate(e.source());
                case VALUE -> {
                    if (!declareWithoutInitializer(e)) {
                        fromSource.put(e, "its declaration was not accepted here");
                    }
                }
                case SOURCE -> fromSource.put(e, e.reason());
                case STATEMENT -> { }
            }
        }
        return ok;
    }

    private boolean declareWithoutInitializer(SessionEntry e) {
        List<SnippetEvent> events = target.engine().withoutRunning(() -> target.jshell().eval(e.source()));
        return events.stream().anyMatch(ev -> ev.snippet() != null && ev.causeSnippet() == null
                && ev.status() == Snippet.Status.VALID && ev.exception() == null);
    }

    private int setValues(Path file, SessionHeader header, Map<String, String> renames,
                          Map<SessionEntry, String> fromSource, PrimitiveArrays.Progress progress) throws IOException {
        PayloadCodec codec = PayloadCodec.forSession(target.snippets(), name -> WrapperKeys.rename(name, renames));
        int restored = 0;
        try (SessionFileReader reader = SessionFileReader.open(file)) {
            for (SessionEntry e : valueEntries(header)) {
                SessionFileReader.StoredValue stored = reader.next(progress);
                if (fromSource.containsKey(e)) {
                    continue;
                }
                try {
                    Object value = stored.array() != null ? stored.array() : codec.decode(stored.encoded());
                    String wrapper = renames.get(e.wrapper());
                    if (wrapper == null) {
                        throw new IllegalStateException("its declaration did not come back");
                    }
                    WrapperKeys.field(wrapper, e.name(), target.snippets()).set(null, value);
                    restored++;
                } catch (RuntimeException | ReflectiveOperationException | LinkageError ex) {
                    fromSource.put(e, "its saved value cannot be set: " + ex.getMessage());
                }
            }
        }
        return restored;
    }

    private static List<SessionEntry> valueEntries(SessionHeader header) {
        List<SessionEntry> values = new ArrayList<>();
        header.entries().stream().filter(e -> e.kind() == SessionEntry.Kind.VALUE).forEach(values::add);
        return values;
    }
}
