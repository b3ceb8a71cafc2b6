package org.parshell.repl.shell;

import org.jline.reader.Completer;

import java.util.function.Predicate;

/**
 * One {@code /} command, everything about it in one value (as jshell's {@code Command} and JLine's
 * {@code CommandMethods} hold it): its name, the line {@code /help} lists it with, the key of its
 * {@code /help NAME} text (a resource, see {@link HelpText}), what runs it (given the text after the
 * name; false if it failed) and what completes its arguments at Tab.
 */
record Command(String name, String helpLine, String helpKey, Predicate<String> handler, Completer arguments) {
    /** Completes nothing after the command's name. */
    static final Completer NO_ARGUMENTS = (reader, line, candidates) -> { };

    Command(String name, String helpLine, Predicate<String> handler) {
        this(name, helpLine, name.substring(1), handler, NO_ARGUMENTS);
    }

    Command completing(Completer completer) {
        return new Command(name, helpLine, helpKey, handler, completer);
    }

    Command helpedBy(String key) {
        return new Command(name, helpLine, key, handler, arguments);
    }

    boolean run(String args) {
        return handler.test(args);
    }
}
