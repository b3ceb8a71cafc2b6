package org.parshell.repl.session;

import java.util.List;
import java.util.Map;

/**
 * Everything in a session file but the values: the JDK it was written by, the class path, the
 * snippets in order, and for each class JShell made for a snippet, the key that finds its
 * counterpart when the snippets are declared again in another shell (see {@link WrapperKeys}).
 */
record SessionHeader(String jdk, List<SavedJar> jars, List<SessionEntry> entries, Map<String, String> wrapperKeys) {

    long valueCount() {
        return entries.stream().filter(e -> e.kind() == SessionEntry.Kind.VALUE).count();
    }
}
