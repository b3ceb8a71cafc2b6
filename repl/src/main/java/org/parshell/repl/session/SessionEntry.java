package org.parshell.repl.session;

/**
 * One snippet of a saved session, in the order it was typed. A variable saved by value records the
 * type it is declared again with and the class JShell kept it in; one saved as source says why.
 */
record SessionEntry(Kind kind, String source, String name, String typeName, String wrapper, String reason) {

    enum Kind {
        /** An import, a method or a type: declared again from its source. */
        DECLARATION,
        /** A variable whose value is in the file: declared without its initializer, then set. */
        VALUE,
        /** A variable whose value could not be saved: its source runs again, initializer included. */
        SOURCE,
        /** A statement or expression: kept as typed, never run again (its side effects happened). */
        STATEMENT
    }

    static SessionEntry of(Kind kind, String source) {
        return new SessionEntry(kind, source, "", "", "", "");
    }
}
