package dev.spindle.runtime.streamtask;

import dev.spindle.api.OutputTag;
import dev.spindle.runtime.operators.Output;
import java.util.Map;

/** An operator's output with side outputs: main records to the main consumers, tagged ones to theirs, watermarks to all. */
final class SideOutputRouter<T> implements Output<T> {

    private final Output<T> main;
    private final Map<OutputTag<?>, Output<Object>> sideOutputs;

    SideOutputRouter(Output<T> main, Map<OutputTag<?>, Output<Object>> sideOutputs) {
        this.main = main;
        this.sideOutputs = sideOutputs;
    }

    @Override
    public void collect(T record) {
        main.collect(record);
    }

    @Override
    public <X> void collect(OutputTag<X> tag, X record) {
        Output<Object> side = sideOutputs.get(tag);
        if (side != null) {
            side.collect(record);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        main.emitWatermark(watermark);
        for (Output<Object> side : sideOutputs.values()) {
            side.emitWatermark(watermark);
        }
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
        main.emitWatermarkStatus(idle);
        for (Output<Object> side : sideOutputs.values()) {
            side.emitWatermarkStatus(idle);
        }
    }
}
