package dev.spindle.runtime.operators;

import dev.spindle.api.functions.Collector;

/** Where an operator emits its records: the next operator in the chain, the network, or several of those. */
public interface Output<T> extends Collector<T> {
}
