package org.parshell.protocol.payload;

/** A list of ints that can give them without boxing; {@link ItemsCodec} packs it straight from here. */
public interface IntSequence {
    int size();

    int intAt(int index);
}
