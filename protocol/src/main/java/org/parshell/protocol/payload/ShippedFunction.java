package org.parshell.protocol.payload;

import java.util.Map;

/**
 * What a worker needs besides class bytes to run a map: the function object itself and the values
 * the shell's top-level variables had when the map started ({@code statics}: class name to field
 * name to value). The worker sets the values before it applies the function.
 * <p>
 * It travels as a plain array, so that decoding it needs no parshell class in the worker's
 * per-shell class loader.
 */
public record ShippedFunction(Map<String, Map<String, Object>> statics, Object function) {

    public byte[] encode(PayloadCodec codec) {
        return codec.encode(new Object[] {statics, function});
    }

    @SuppressWarnings("unchecked")
    public static ShippedFunction decode(PayloadCodec codec, byte[] bytes) {
        if (!(codec.decode(bytes) instanceof Object[] parts) || parts.length != 2 || !(parts[0] instanceof Map)) {
            throw new PayloadException("a function payload must be [statics, function]", null);
        }
        return new ShippedFunction((Map<String, Map<String, Object>>) parts[0], parts[1]);
    }
}
