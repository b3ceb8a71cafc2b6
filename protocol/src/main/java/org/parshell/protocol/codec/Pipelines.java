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

    public static void authenticated(ChannelPipeline pipeline) {
        ((FrameDecoder) pipeline.get(FRAMES)).authenticated();
    }
}
