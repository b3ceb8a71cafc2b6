package org.parshell.protocol.payload;

/**
 * How many elements (array slots, collection entries, string characters, bytes of a number) one
 * payload may make the reader allocate: one per byte of the payload, since every element a writer
 * sends takes at least one byte. A length read off the stream is charged before anything is
 * allocated for it, so a few crafted bytes cannot declare a gigabyte: what one payload allocates is
 * bounded by a small multiple of its size (8 bytes a slot, twice that for a hash table's spare room).
 */
final class AllocationBudget {
    private final int payloadBytes;
    private long charged;

    AllocationBudget(int payloadBytes) {
        this.payloadBytes = payloadBytes;
    }

    /** Takes {@code elements} from the budget (nothing for a negative length: that fails on its own), or refuses them. */
    void charge(long elements, String what) {
        if (elements <= 0) {
            return;
        }
        charged += elements;
        if (charged > payloadBytes) {
            throw new PayloadException("refused " + what + " of " + elements + " elements: a payload of "
                    + payloadBytes + " bytes cannot hold them", null);
        }
    }
}
