package org.parshell.repl.shell;

import org.jline.reader.Completer;

import java.util.function.Predicate;

/**
 * One {@code /} command, everything about it in one value (as jshell's {@code Command} and JLine's
 * {@code CommandMethods} hold it): its name, the line {@code /help} lists it with, the key of its
 * {@code /help NAME} text (a resource, see {@link HelpText}), what runs it (given the text after the
 * name; false if it failed), what completes its arguments at Tab, and whether {@code /reload} runs it again.
 */
record Command(String name, String helpLine, String helpKey, Predicate<String> handler, Completer arguments, boolean replayed) {
    /** Completes nothing after the command's name. */
    static final Completer NO_ARGUMENTS = (reader, line, candidates) -> { };

    Command(String name, String helpLine, Predicate<String> handler) {
        this(name, helpLine, name.substring(1), handler, NO_ARGUMENTS, false);
    }

    Command completing(Completer completer) {
        return new Command(name, helpLine, helpKey, handler, completer, replayed);
    }

    Command helpedBy(String key) {
        return new Command(name, helpLine, key, handler, arguments, replayed);
    }

    /** This command, run again by {@code /reload} when it succeeded (as jshell replays {@code /drop}). */
    Command replayedByReload() {
        return new Command(name, helpLine, helpKey, handler, arguments, true);
    }

    boolean run(String args) {
        return handler.test(args);
    }
}
