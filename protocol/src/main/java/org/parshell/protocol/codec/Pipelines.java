package org.parshell.protocol.codec;

import io.netty.channel.ChannelPipeline;

/** The codec half of a pipeline, the same on both sides of the wire. */
public final class Pipelines {
    public static final String FRAMES = "frames";

    private static final MessageEncoder ENCODER = new MessageEncoder();

    private Pipelines() {
    }

    public static void addCodec(ChannelPipeline pipeline) {
        pipeline.addLast(FRAMES, new FrameDecoder());
        pipeline.addLast("decoder", new MessageDecoder());
        pipeline.addLast("encoder", ENCODER);
    }

    public static final String FRAME_AUTH = "frame-auth";
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
            pipeline.addAfter(FRAMES, FRAME_AUTH, new FrameAuthenticator(sendKey, receiveKey));
        }
    }
}
