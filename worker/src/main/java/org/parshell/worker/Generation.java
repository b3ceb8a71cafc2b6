package org.parshell.worker;

import org.parshell.protocol.payload.ItemsCodec;
import org.parshell.protocol.payload.PayloadCodec;

/** One shell generation's class loader, the codecs that resolve classes in it, and its reusable functions. */
record Generation(int number, GenerationClassLoader loader, PayloadCodec codec, ItemsCodec items, FunctionCache functions) {

    static Generation create(int number, String shell) {
        GenerationClassLoader loader = new GenerationClassLoader(shell + "-generation-" + number);
        PayloadCodec codec = PayloadCodec.forLoader(loader);
        return new Generation(number, loader, codec, new ItemsCodec(codec), new FunctionCache());
    }
}
