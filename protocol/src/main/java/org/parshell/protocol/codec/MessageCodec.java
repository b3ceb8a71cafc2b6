package org.parshell.protocol.codec;

import io.netty.buffer.ByteBuf;
import org.parshell.protocol.message.CancelJob;
import org.parshell.protocol.message.Challenge;
import org.parshell.protocol.message.ChunkDone;
import org.parshell.protocol.message.ChunkFailed;
import org.parshell.protocol.message.ClassDefinition;
import org.parshell.protocol.message.DefineBundle;
import org.parshell.protocol.message.DefineJar;
import org.parshell.protocol.message.EndJob;
import org.parshell.protocol.message.Heartbeat;
import org.parshell.protocol.message.Hello;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.message.Proof;
import org.parshell.protocol.message.Refused;
import org.parshell.protocol.message.RemoteFailure;
import org.parshell.protocol.message.RunChunk;
import org.parshell.protocol.message.RunJob;
import org.parshell.protocol.message.RunKnownJob;
import org.parshell.protocol.message.StartJob;
import org.parshell.protocol.message.UnknownFunction;
import org.parshell.protocol.message.UseJars;
import org.parshell.protocol.message.Welcome;

import java.util.ArrayList;
import java.util.List;

/**
 * The field layout of every message: a tag byte, then the record's components in order. Written
 * by hand, with no object deserialization, so that a frame from a peer that has not authenticated
 * can be parsed safely; FST only ever sees the opaque {@code byte[]} payloads, after authentication.
 */
public final class MessageCodec {
    private static final int HELLO = 1, CHALLENGE = 2, PROOF = 3, WELCOME = 4, REFUSED = 5,
            DEFINE_BUNDLE = 10, START_JOB = 11, RUN_CHUNK = 12, CHUNK_DONE = 13, CHUNK_FAILED = 14,
            END_JOB = 15, CANCEL_JOB = 16, HEARTBEAT = 20,
            DEFINE_JAR = 21, USE_JARS = 22, RUN_JOB = 23, RUN_KNOWN_JOB = 24, UNKNOWN_FUNCTION = 25;
    private static final int MAX_CAUSE_DEPTH = 16;

    private MessageCodec() {
    }

    public static void encode(Message message, ByteBuf out) {
        WireWriter w = new WireWriter(out);
        if (message instanceof Hello m) {
            w.writeByte(HELLO).writeInt(m.version()).writeBytes(m.shellNonce());
        } else if (message instanceof Challenge m) {
            w.writeByte(CHALLENGE).writeBytes(m.workerNonce()).writeBytes(m.workerProof());
        } else if (message instanceof Proof m) {
            w.writeByte(PROOF).writeBytes(m.shellProof());
        } else if (message instanceof Welcome m) {
            w.writeByte(WELCOME).writeString(m.host()).writeLong(m.pid()).writeInt(m.threads()).writeString(m.jdk())
                    .writeString(m.parshell());
        } else if (message instanceof Refused m) {
            w.writeByte(REFUSED).writeString(m.reason());
        } else if (message instanceof DefineBundle m) {
            w.writeByte(DEFINE_BUNDLE).writeInt(m.generation()).writeString(m.hash()).writeInt(m.classes().size());
            for (ClassDefinition c : m.classes()) {
                w.writeString(c.name()).writeBytes(c.bytes());
            }
        } else if (message instanceof StartJob m) {
            w.writeByte(START_JOB).writeLong(m.jobId()).writeInt(m.generation()).writeString(m.bundleHash())
                    .writeBytes(m.function());
        } else if (message instanceof RunJob m) {
            w.writeByte(RUN_JOB).writeLong(m.jobId()).writeInt(m.generation()).writeString(m.bundleHash())
                    .writeBytes(m.function()).writeBytes(m.inputs());
        } else if (message instanceof RunKnownJob m) {
            w.writeByte(RUN_KNOWN_JOB).writeLong(m.jobId()).writeInt(m.generation()).writeString(m.functionHash())
                    .writeBytes(m.inputs());
        } else if (message instanceof UnknownFunction m) {
            w.writeByte(UNKNOWN_FUNCTION).writeLong(m.jobId());
        } else if (message instanceof RunChunk m) {
            w.writeByte(RUN_CHUNK).writeLong(m.jobId()).writeInt(m.chunk()).writeBytes(m.inputs());
        } else if (message instanceof ChunkDone m) {
            w.writeByte(CHUNK_DONE).writeLong(m.jobId()).writeInt(m.chunk()).writeBytes(m.results());
        } else if (message instanceof ChunkFailed m) {
            w.writeByte(CHUNK_FAILED).writeLong(m.jobId()).writeInt(m.chunk());
            writeFailure(w, m.failure());
        } else if (message instanceof EndJob m) {
            w.writeByte(END_JOB).writeLong(m.jobId());
        } else if (message instanceof CancelJob m) {
            w.writeByte(CANCEL_JOB).writeLong(m.jobId());
        } else if (message instanceof Heartbeat m) {
            w.writeByte(HEARTBEAT).writeLong(m.sentNanos());
        } else if (message instanceof DefineJar m) {
            w.writeByte(DEFINE_JAR).writeString(m.hash()).writeString(m.name()).writeBytes(m.bytes());
        } else if (message instanceof UseJars m) {
            w.writeByte(USE_JARS).writeInt(m.generation()).writeInt(m.hashes().size());
            m.hashes().forEach(w::writeString);
        } else {
            throw new IllegalArgumentException("no layout for " + message.getClass());
        }
    }

    /** Decodes one whole frame; throws {@link ProtocolException} for anything malformed. */
    public static Message decode(ByteBuf frame) {
        WireReader r = new WireReader(frame);
        int tag = r.readByte();
        Message m = switch (tag) {
            case HELLO -> new Hello(r.readInt(), r.readBytes());
            case CHALLENGE -> new Challenge(r.readBytes(), r.readBytes());
            case PROOF -> new Proof(r.readBytes());
            case WELCOME -> new Welcome(r.readString(), r.readLong(), r.readInt(), r.readString(), r.readString());
            case REFUSED -> new Refused(r.readString());
            case DEFINE_BUNDLE -> readBundle(r);
            case START_JOB -> new StartJob(r.readLong(), r.readInt(), r.readString(), r.readBytes());
            case RUN_CHUNK -> new RunChunk(r.readLong(), r.readInt(), r.readBytes());
            case RUN_JOB -> new RunJob(r.readLong(), r.readInt(), r.readString(), r.readBytes(), r.readBytes());
            case RUN_KNOWN_JOB -> new RunKnownJob(r.readLong(), r.readInt(), readHash(r), r.readBytes());
            case UNKNOWN_FUNCTION -> new UnknownFunction(r.readLong());
            case CHUNK_DONE -> new ChunkDone(r.readLong(), r.readInt(), r.readBytes());
            case CHUNK_FAILED -> new ChunkFailed(r.readLong(), r.readInt(), readFailure(r, 0));
            case END_JOB -> new EndJob(r.readLong());
            case CANCEL_JOB -> new CancelJob(r.readLong());
            case HEARTBEAT -> new Heartbeat(r.readLong());
            case DEFINE_JAR -> new DefineJar(r.readString(), r.readString(), r.readBytes());
            case USE_JARS -> readUseJars(r);
            default -> throw new ProtocolException("unknown message type " + tag);
        };
        r.expectEnd();
        return m;
    }

    /** A SHA-256 in lowercase hex, and nothing else: a function is named by exactly one string. */
    private static String readHash(WireReader r) {
        byte[] bytes = r.readBytes(); // read as ASCII: hex digits are their own UTF-8
        boolean hex = bytes.length == RunKnownJob.HASH_CHARS;
        for (int i = 0; hex && i < bytes.length; i++) {
            hex = bytes[i] >= '0' && bytes[i] <= '9' || bytes[i] >= 'a' && bytes[i] <= 'f';
        }
        if (!hex) {
            throw new ProtocolException("a function hash must be " + RunKnownJob.HASH_CHARS + " lowercase hex digits, not "
                    + bytes.length + " bytes of something else");
        }
        return new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static DefineBundle readBundle(WireReader r) {
        int generation = r.readInt();
        String hash = r.readString();
        int n = r.readCount();
        List<ClassDefinition> classes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            classes.add(new ClassDefinition(r.readString(), r.readBytes()));
        }
        return new DefineBundle(generation, hash, List.copyOf(classes));
    }

    private static UseJars readUseJars(WireReader r) {
        int generation = r.readInt();
        int n = r.readCount();
        List<String> hashes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            hashes.add(r.readString());
        }
        return new UseJars(generation, List.copyOf(hashes));
    }

    private static void writeFailure(WireWriter w, RemoteFailure f) {
        w.writeString(f.type()).writeNullableString(f.message()).writeInt(f.frames().size());
        for (RemoteFailure.Frame frame : f.frames()) {
            w.writeString(frame.className()).writeString(frame.method())
                    .writeNullableString(frame.file()).writeInt(frame.line());
        }
        w.writeBoolean(f.cause() != null);
        if (f.cause() != null) {
            writeFailure(w, f.cause());
        }
    }

    private static RemoteFailure readFailure(WireReader r, int depth) {
        if (depth > MAX_CAUSE_DEPTH) {
            throw new ProtocolException("failure causes nested deeper than " + MAX_CAUSE_DEPTH);
        }
        String type = r.readString();
        String message = r.readNullableString();
        int n = r.readCount();
        List<RemoteFailure.Frame> frames = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            frames.add(new RemoteFailure.Frame(r.readString(), r.readString(), r.readNullableString(), r.readInt()));
        }
        RemoteFailure cause = r.readBoolean() ? readFailure(r, depth + 1) : null;
        return new RemoteFailure(type, message, List.copyOf(frames), cause);
    }
}
