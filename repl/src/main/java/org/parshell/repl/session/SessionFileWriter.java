package org.parshell.repl.session;

import org.parshell.protocol.Sha256;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;

/**
 * Writes a session file as a stream (a big primitive array goes out a slice at a time), computing the
 * checksum on the way. The file is written beside its destination and moved there when complete,
 * so a save that fails leaves an earlier file of that name as it was.
 */
final class SessionFileWriter {
    private SessionFileWriter() {
    }

    static void write(Path file, SessionHeader header, List<Object> values, PrimitiveArrays.Progress progress) throws IOException {
        Path partial = file.toAbsolutePath().resolveSibling(file.getFileName() + ".partial");
        MessageDigest sha = Sha256.digest();
        try (OutputStream raw = Files.newOutputStream(partial)) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(raw, sha), 1 << 16));
            SessionFormat.writeHeader(out, header);
            for (Object value : values) {
                writeValue(out, value, progress);
            }
            out.flush();
            raw.write(sha.digest());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code value} is a primitive array or the {@link SessionSaver.Encoded} bytes of any other value. */
    private static void writeValue(DataOutputStream out, Object value, PrimitiveArrays.Progress progress) throws IOException {
        if (PrimitiveArrays.isOne(value)) {
            out.writeByte(SessionFormat.PRIMITIVE_ARRAY);
            PrimitiveArrays.write(out, value, progress);
        } else {
            byte[] bytes = ((SessionSaver.Encoded) value).bytes();
            out.writeByte(SessionFormat.ENCODED);
            out.writeInt(bytes.length);
            out.write(bytes);
            progress.bytes(bytes.length);
        }
    }
}
