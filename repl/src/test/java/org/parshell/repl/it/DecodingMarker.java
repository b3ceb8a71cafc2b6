package org.parshell.repl.it;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A value whose deserialization has an effect one can see from outside the process: its
 * {@code readObject} hook creates the file it names. Sent to a worker before authentication, it
 * proves whether anything of the peer's bytes was deserialized.
 */
final class DecodingMarker implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String file;

    DecodingMarker(Path file) {
        this.file = file.toString();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        Files.writeString(Path.of(file), "decoded in pid " + ProcessHandle.current().pid());
    }
}
