package org.parshell.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of the parshell build this JVM runs (the Maven project version), which a worker tells the shell it joins. */
public final class ParshellVersion {
    public static final String CURRENT = read();

    private ParshellVersion() {
    }

    private static String read() {
        try (InputStream in = ParshellVersion.class.getResourceAsStream("parshell-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
