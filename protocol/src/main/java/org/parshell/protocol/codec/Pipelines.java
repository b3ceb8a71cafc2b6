package org.parshell.protocol.codec;

import io.netty.channel.ChannelPipeline;

/** The codec half of a pipeline, the same on both sides of the wire. */
public final class Pipelines {
    public static final String FRAMES = "frame-decoder";
    public static final String FRAME_ENCODER = "frame-encoder";
    public static final String FRAME_AUTH = "frame-auth";

    private static final FrameEncoder FRAME_LENGTHS = new FrameEncoder();
    private static final MessageEncoder MESSAGES = new MessageEncoder();

    private Pipelines() {
    }

    /**
     * Frames (a length and a body), then, once the peer has authenticated, their tags
     * ({@link #authenticated}), then messages: inbound runs down this list, outbound up it.
     */
    public static void addCodec(ChannelPipeline pipeline) {
        pipeline.addLast(FRAMES, new FrameDecoder());
        pipeline.addLast(FRAME_ENCODER, FRAME_LENGTHS);
        pipeline.addLast("message-decoder", new MessageDecoder());
        pipeline.addLast("message-encoder", MESSAGES);
    }

    /**
     * Set on both ends ({@code -Dparshell.frames=untagged-for-benchmark}), frames after the handshake go
     * without tags, so that {@code scripts/bench} can measure what the tags cost. Nobody else has a
     * reason to: the two ends must agree, and a connection without tags can be tampered with.
     */
    public static final boolean UNTAGGED = "untagged-for-benchmark".equals(System.getProperty("parshell.frames"));

    /**
     * The peer has proven it knows the secret: frames may be larger now, and from here on every frame
     * each way carries a tag under that direction's session key ({@link FrameAuthenticator}).
     */
    public static void authenticated(ChannelPipeline pipeline, byte[] sendKey, byte[] receiveKey) {
        ((FrameDecoder) pipeline.get(FRAMES)).authenticated();
        if (!UNTAGGED) {
            pipeline.addAfter(FRAME_ENCODER, FRAME_AUTH, new FrameAuthenticator(sendKey, receiveKey));
        }
    }
}
