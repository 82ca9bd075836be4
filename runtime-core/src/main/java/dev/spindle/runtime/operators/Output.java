package dev.spindle.runtime.operators;

import dev.spindle.api.OutputTag;
import dev.spindle.api.functions.Collector;

/**
 * Where an operator emits its records and watermarks: the next operator in the chain, the network,
 * or several of those. Watermarks and idleness go to every output, main and side.
 */
public interface Output<T> extends Collector<T> {

    /** Passes event time on: nothing at or below {@code watermark} follows on this output. */
    void emitWatermark(long watermark);

    /** Says whether this output is idle (consumers then compute their watermark without it). */
    void emitWatermarkStatus(boolean idle);

    /** A record for side output {@code tag}; dropped when no stream reads that side output. */
    default <X> void collect(OutputTag<X> tag, X record) {
    }
}
