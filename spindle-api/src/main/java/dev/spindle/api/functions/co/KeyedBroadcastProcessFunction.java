package dev.spindle.api.functions.co;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.TimeDomain;
import dev.spindle.api.functions.TimerService;
import dev.spindle.api.state.KeyedStateFunction;
import dev.spindle.api.state.State;
import dev.spindle.api.state.StateDescriptor;

/**
 * Processes a keyed stream connected with a broadcast stream: keyed records have their key's state and
 * timers and read the broadcast state; broadcast records may update the broadcast state and reach
 * the keyed state of every key through {@link Context#applyToKeyedState}.
 */
public abstract class KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> extends BaseBroadcastProcessFunction {

    private static final long serialVersionUID = 1L;

    /** Handles a record of the keyed stream; keyed state is that of its key, broadcast state is read-only. */
    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    /** Handles a broadcast record (every subtask gets each); broadcast state may be updated here. */
    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** A timer set through {@link TimerService} fired at {@code timestamp}; state is that of the timer's key. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {
    }

    /** The broadcast side's context, with access to the keyed state of all keys of this subtask. */
    public abstract class Context extends BaseBroadcastProcessFunction.Context {

        /** Calls {@code function} with the state {@code stateDescriptor} names of every key of this subtask that has it. */
        public abstract <VS, S extends State> void applyToKeyedState(StateDescriptor<S, VS> stateDescriptor,
                KeyedStateFunction<KS, S> function) throws Exception;
    }

    /** The keyed side's context, with the record's key and its timers. */
    public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {

        /** Clocks and timers of the current key. */
        public abstract TimerService timerService();

        /** The key of the record (or timer). */
        public abstract KS getCurrentKey();
    }

    /** What {@link #onTimer} knows about the timer firing. */
    public abstract class OnTimerContext extends ReadOnlyContext {

        /** Whether an event-time or a processing-time timer fired. */
        public abstract TimeDomain timeDomain();
    }
}
