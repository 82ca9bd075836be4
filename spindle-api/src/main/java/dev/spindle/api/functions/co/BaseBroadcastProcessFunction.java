package dev.spindle.api.functions.co;

import dev.spindle.api.OutputTag;
import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.state.BroadcastState;
import dev.spindle.api.state.MapStateDescriptor;
import dev.spindle.api.state.ReadOnlyBroadcastState;

/**
 * What the broadcast process functions share: the contexts of the broadcast side (read-write
 * broadcast state) and of the element side (read-only broadcast state). Every subtask sees the
 * same broadcast records in the same order, so updating broadcast state only from broadcast
 * records keeps every subtask's copy identical.
 */
public abstract class BaseBroadcastProcessFunction extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /** What both sides know about the record being processed. */
    public abstract class BaseContext {

        /** The record's event timestamp, or null when it has none. */
        public abstract Long timestamp();

        /** Emits {@code value} to the side output {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);

        /** The machine's current time in milliseconds. */
        public abstract long currentProcessingTime();

        /** The operator's current event time; {@code Long.MIN_VALUE} before the first watermark. */
        public abstract long currentWatermark();
    }

    /** The broadcast side's context: broadcast state can be read and written. */
    public abstract class Context extends BaseContext {

        /** The broadcast state the descriptor names; it must be one of those given to {@code broadcast(...)}. */
        public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);
    }

    /** The element side's context: broadcast state can only be read. */
    public abstract class ReadOnlyContext extends BaseContext {

        /** The broadcast state the descriptor names, read-only; it must be one of those given to {@code broadcast(...)}. */
        public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);
    }
}
