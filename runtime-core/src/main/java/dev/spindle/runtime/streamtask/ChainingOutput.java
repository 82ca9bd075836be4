package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.operators.Output;
import dev.spindle.runtime.operators.StreamOperator;

/** Hands records straight to the next operator of the chain (a method call, no serialization). */
final class ChainingOutput<T> implements Output<T> {

    private final StreamOperator<T, ?> next;

    ChainingOutput(StreamOperator<T, ?> next) {
        this.next = next;
    }

    @Override
    public void collect(T record) {
        try {
            next.processElement(record);
        } catch (Throwable t) {
            throw Sneaky.rethrow(t);
        }
    }
}
