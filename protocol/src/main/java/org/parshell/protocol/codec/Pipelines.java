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
     * The peer has proven it knows the secret: frames may be larger now, and from here on every frame
     * each way carries a tag under that direction's session key ({@link FrameAuthenticator}).
     */
    public static void authenticated(ChannelPipeline pipeline, byte[] sendKey, byte[] receiveKey) {
        ((FrameDecoder) pipeline.get(FRAMES)).authenticated();
        pipeline.addAfter(FRAMES, FRAME_AUTH, new FrameAuthenticator(sendKey, receiveKey));
    }
}
