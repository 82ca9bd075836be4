package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.operators.Output;
import java.util.List;

/** Gives each record and watermark to several outputs (an operator with more than one consumer). */
final class FanOutOutput<T> implements Output<T> {

    private final Output<T>[] outputs;

    @SuppressWarnings("unchecked")
    FanOutOutput(List<Output<T>> outputs) {
        this.outputs = outputs.toArray(new Output[0]);
    }

    @Override
    public void collect(T record) {
        for (Output<T> o : outputs) {
            o.collect(record);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        for (Output<T> o : outputs) {
            o.emitWatermark(watermark);
        }
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
        for (Output<T> o : outputs) {
            o.emitWatermarkStatus(idle);
        }
    }
}
