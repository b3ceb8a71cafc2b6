package org.parshell.repl.session;

import org.parshell.protocol.Sha256;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;

/**
 * Reads a session file in two streaming passes: {@link #verify} reads it all once, checking version and
 * checksum, before anything is declared; then {@link #open} reads the values one at a time, each
 * straight into the object it becomes (a big primitive array is never held twice).
 */
final class SessionFileReader implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final DataInputStream in;

    /** One value as stored: a primitive array read whole, or an FST payload still to decode. */
    record StoredValue(Object array, byte[] encoded) {
    }

    private SessionFileReader(DataInputStream in) {
        this.in = in;
    }

    /** Reads all of {@code file}; the header if it is a complete, undamaged session file of this version. */
    static SessionHeader verify(Path file, PrimitiveArrays.Progress progress) throws SessionRefused {
        MessageDigest sha = Sha256.digest();
        try (InputStream raw = Files.newInputStream(file)) {
            DigestInputStream digesting = new DigestInputStream(new BufferedInputStream(raw, BUFFER), sha);
            DataInputStream in = new DataInputStream(digesting);
            SessionHeader header = SessionFormat.readHeader(in, file.toString());
            for (long i = header.valueCount(); i > 0; i--) {
                skipValue(in, progress);
            }
            digesting.on(false);
            byte[] expected = in.readNBytes(SessionFormat.CHECKSUM_BYTES);
            if (expected.length < SessionFormat.CHECKSUM_BYTES) {
                throw new EOFException();
            }
            if (!MessageDigest.isEqual(expected, sha.digest()) || in.read() != -1) {
                throw new SessionRefused(file + " is damaged: its checksum does not match its contents");
            }
            return header;
        } catch (EOFException e) {
            throw new SessionRefused(file + " is damaged: it ends before its last value (truncated?)");
        } catch (IOException e) {
            throw new SessionRefused(file + " is damaged or cannot be read: " + e.getMessage());
        }
    }

    /** Opens a verified file at its first value. */
    static SessionFileReader open(Path file) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
        try {
            SessionFormat.readHeader(in, file.toString());
        } catch (SessionRefused e) {
            in.close();
            throw new IOException(e.getMessage(), e);
        }
        return new SessionFileReader(in);
    }

    StoredValue next(PrimitiveArrays.Progress progress) throws IOException {
        byte tag = in.readByte();
        if (tag == SessionFormat.PRIMITIVE_ARRAY) {
            Object array = PrimitiveArrays.allocate(in.readUTF(), in.readInt());
            PrimitiveArrays.readElements(in, array, progress);
            return new StoredValue(array, null);
        }
        byte[] encoded = in.readNBytes(in.readInt());
        progress.bytes(encoded.length);
        return new StoredValue(null, encoded);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static void skipValue(DataInputStream in, PrimitiveArrays.Progress progress) throws IOException {
        byte tag = in.readByte();
        long size;
        if (tag == SessionFormat.PRIMITIVE_ARRAY) {
            String type = in.readUTF();
            int length = in.readInt();
            PrimitiveArrays.allocate(type, 0);
            if (length < 0) {
                throw new IOException("negative array length");
            }
            size = PrimitiveArrays.byteSize(type, length);
        } else if (tag == SessionFormat.ENCODED) {
            size = in.readInt();
            if (size < 0) {
                throw new IOException("negative value length");
            }
        } else {
            throw new IOException("unknown value tag " + tag);
        }
        skip(in, size);
        progress.bytes(size);
    }

    private static void skip(DataInputStream in, long size) throws IOException {
        byte[] buffer = new byte[BUFFER];
        for (long left = size; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException();
            }
            left -= n;
        }
    }
}
