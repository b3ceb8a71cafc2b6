package org.parshell.repl.session;

/** A jar of the {@code /env} class path the session was saved with: where it was and the SHA-256 of its bytes. */
record SavedJar(String path, String sha256) {
}
