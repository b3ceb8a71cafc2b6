package org.parshell.worker;

import org.parshell.protocol.payload.ItemsCodec;
import org.parshell.protocol.payload.PayloadCodec;

/**
 * What a worker holds for one generation of a shell (from its start or {@code /reset} to the next):
 * the class loader its classes are defined in, the codecs that resolve classes there, and its reusable functions.
 */
record GenerationClasses(int number, GenerationClassLoader loader, PayloadCodec codec, ItemsCodec items, FunctionCache functions) {

    static GenerationClasses create(int number, String shell) {
        GenerationClassLoader loader = new GenerationClassLoader(shell + "-generation-" + number);
        PayloadCodec codec = PayloadCodec.forLoader(loader);
        return new GenerationClasses(number, loader, codec, new ItemsCodec(codec), new FunctionCache());
    }
}
