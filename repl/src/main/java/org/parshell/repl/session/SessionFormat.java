package org.parshell.repl.session;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout of a session file, written and read in one place. In order: the magic line
 * {@code parshell session}, the format version, the JDK that wrote it, the class-path jars (path and
 * SHA-256), the snippets, the wrapper keys, one value for each variable saved by value (a primitive
 * array as raw elements, anything else as an FST payload), and last the SHA-256 of all that.
 */
final class SessionFormat {
    static final byte[] MAGIC = "parshell session\n".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int CHECKSUM_BYTES = 32;
    static final byte ENCODED = 0;
    static final byte PRIMITIVE_ARRAY = 1;
    private static final int MAX_TEXT_BYTES = 16 << 20;

    private SessionFormat() {
    }

    /** Whether {@code file} starts as a session file does (else it is a script to run). */
    static boolean isSessionFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    static void writeHeader(DataOutputStream out, SessionHeader header) throws IOException {
        out.write(MAGIC);
        out.writeInt(VERSION);
        writeText(out, header.jdk());
        out.writeInt(header.jars().size());
        for (SavedJar jar : header.jars()) {
            writeText(out, jar.path());
            writeText(out, jar.sha256());
        }
        out.writeInt(header.entries().size());
        for (SessionEntry e : header.entries()) {
            out.writeByte(e.kind().ordinal());
            for (String text : List.of(e.source(), e.name(), e.typeName(), e.wrapper(), e.reason())) {
                writeText(out, text);
            }
        }
        out.writeInt(header.wrapperKeys().size());
        for (Map.Entry<String, String> key : header.wrapperKeys().entrySet()) {
            writeText(out, key.getKey());
            writeText(out, key.getValue());
        }
    }

    /** Reads up to the values; the version is checked first, since another version may lay out the rest otherwise. */
    static SessionHeader readHeader(DataInputStream in, String file) throws IOException, SessionRefused {
        if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
            throw new SessionRefused(file + " is not a parshell session file");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new SessionRefused(file + " was written in session format version " + version
                    + "; this parshell reads version " + VERSION);
        }
        String jdk = readText(in);
        List<SavedJar> jars = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            jars.add(new SavedJar(readText(in), readText(in)));
        }
        List<SessionEntry> entries = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            int kind = in.readUnsignedByte();
            if (kind >= SessionEntry.Kind.values().length) {
                throw new IOException("unknown snippet kind " + kind);
            }
            entries.add(new SessionEntry(SessionEntry.Kind.values()[kind], readText(in), readText(in), readText(in),
                    readText(in), readText(in)));
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = count(in); i > 0; i--) {
            keys.put(readText(in), readText(in));
        }
        return new SessionHeader(jdk, jars, entries, keys);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000_000) {
            throw new IOException("impossible count " + n);
        }
        return n;
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_TEXT_BYTES) {
            throw new IOException("impossible text length " + n);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
