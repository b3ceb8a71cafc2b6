package org.parshell.protocol.payload;

import org.nustaq.serialization.FSTConfiguration;
import org.nustaq.serialization.coders.FSTStreamDecoder;

import java.io.IOException;

/**
 * FST's decoder with an {@link AllocationBudget} for the payload it reads: string lengths are
 * charged before FST sizes its character buffer for them, and {@link BoundedInput} charges
 * the other lengths it reads through {@link #peekLength()}.
 */
final class BoundedDecoder extends FSTStreamDecoder {
    private AllocationBudget budget = new AllocationBudget(0);

    BoundedDecoder(FSTConfiguration conf) {
        super(conf);
    }

    AllocationBudget budget() {
        return budget;
    }

    /** Every payload starts with a budget of its own size. */
    @Override
    public void resetWith(byte[] bytes, int len) {
        budget = new AllocationBudget(len);
        super.resetWith(bytes, len);
    }

    /** The length (an FST int) at the read position, which stays where it was. */
    int peekLength() throws IOException {
        int position = getInputPos();
        int length = readFInt();
        moveTo(position);
        return length;
    }

    @Override
    public String readStringUTF() throws IOException {
        budget.charge(peekLength(), "a string");
        return super.readStringUTF();
    }

    @Override
    public String readStringAsc() throws IOException {
        budget.charge(peekLength(), "a string");
        return super.readStringAsc();
    }

    /** Makes these decoders for one FST configuration; its encoders are FST's own. */
    static final class Factory implements FSTConfiguration.StreamCoderFactory {
        private final FSTConfiguration conf;
        private final ThreadLocal<Object> input = new ThreadLocal<>();
        private final ThreadLocal<Object> output = new ThreadLocal<>();

        Factory(FSTConfiguration conf) {
            this.conf = conf;
        }

        @Override
        public org.nustaq.serialization.FSTEncoder createStreamEncoder() {
            return new org.nustaq.serialization.coders.FSTStreamEncoder(conf);
        }

        @Override
        public org.nustaq.serialization.FSTDecoder createStreamDecoder() {
            return new BoundedDecoder(conf);
        }

        @Override
        public ThreadLocal getInput() {
            return input;
        }

        @Override
        public ThreadLocal getOutput() {
            return output;
        }
    }
}
