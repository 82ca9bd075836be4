package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.operators.Output;

/** The output of an operator nobody consumes (a sink). */
final class DiscardingOutput<T> implements Output<T> {

    @Override
    public void collect(T record) {
    }
}
