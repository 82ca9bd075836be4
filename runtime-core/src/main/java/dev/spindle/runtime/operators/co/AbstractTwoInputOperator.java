package dev.spindle.runtime.operators.co;

import dev.spindle.api.functions.Function;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.TimeDomain;
import dev.spindle.api.functions.TimerService;
import dev.spindle.runtime.operators.RecordTimestamp;
import dev.spindle.runtime.operators.TwoInputOperator;
import dev.spindle.runtime.operators.UserFunctionOperator;
import dev.spindle.runtime.state.OperatorSnapshot;
import dev.spindle.runtime.timers.InternalTimerService;
import dev.spindle.runtime.timers.KeyedTimerService;
import dev.spindle.runtime.timers.TimerKey;
import dev.spindle.runtime.timers.Triggerable;

/**
 * What every operator on connected streams shares: the user function's life cycle, keyed state
 * scoped to each record's key when both inputs are keyed (each input with its own key selector),
 * the current watermark and, for operators that use them, per-key timers that are checkpointed.
 */
public abstract class AbstractTwoInputOperator<F extends Function, IN1, IN2, OUT> extends UserFunctionOperator<F, Object, OUT>
        implements TwoInputOperator<IN1, IN2>, Triggerable {

    private static final long serialVersionUID = 1L;

    private final KeySelector<IN1, ?> keySelector1;
    private final KeySelector<IN2, ?> keySelector2;
    private transient InternalTimerService timers;
    private transient long currentWatermark;
    private transient TimerService timerService;

    /**
     * {@code keySelector1} set: the operator is keyed (its state is scoped to each first-input record's key);
     * {@code keySelector2} then keys the second input too, or is null when that input is broadcast.
     */
    protected AbstractTwoInputOperator(F function, KeySelector<IN1, ?> keySelector1, KeySelector<IN2, ?> keySelector2) {
        super(function);
        if (keySelector1 == null && keySelector2 != null) {
            throw new IllegalArgumentException("a second-input key selector needs a first-input one");
        }
        this.keySelector1 = keySelector1;
        this.keySelector2 = keySelector2;
    }

    @Override
    protected boolean isKeyed() {
        return keySelector1 != null;
    }

    /** Whether this operator offers per-key timers (they then are part of its checkpointed state). */
    protected boolean usesTimers() {
        return false;
    }

    @Override
    public void open() throws Exception {
        currentWatermark = Long.MIN_VALUE;
        if (usesTimers()) {
            timers = new InternalTimerService(keyedStateBackend(), operatorStateStore(), context.processingTimeService(), this);
        }
        timerService = timers != null ? new KeyedTimerService(timers, this::keyOfTimer) : new ClocksOnlyTimerService();
        super.open();
    }

    /** Records reach a two-input operator through {@link #processElement1} and {@link #processElement2}. */
    @Override
    public final void processElement(Object record) {
        throw new IllegalStateException("Operator " + getClass().getSimpleName() + " has two inputs; the task must hand records "
                + "to processElement1/processElement2");
    }

    /** Scopes keyed state to the key of a first-input record (keyed connected streams only). */
    protected final void setKeyContext1(IN1 record) throws Exception {
        if (keySelector1 != null) {
            keyedStateBackend().setCurrentKey(keySelector1.getKey(record));
        }
    }

    /** Scopes keyed state to the key of a second-input record (keyed connected streams only). */
    protected final void setKeyContext2(IN2 record) throws Exception {
        if (keySelector2 != null) {
            keyedStateBackend().setCurrentKey(keySelector2.getKey(record));
        }
    }

    /** The key of the record or timer being processed. */
    @SuppressWarnings("unchecked")
    protected final <K> K currentKey() {
        return (K) keyedStateBackend().getCurrentKey();
    }

    private Object keyOfTimer() {
        Object key = keyedStateBackend().getCurrentKey();
        if (key == null) {
            throw new UnsupportedOperationException("Timers need a current key; a broadcast record has none");
        }
        return key;
    }

    /** The event timestamp of the record being processed, or null. */
    protected final Long recordTimestamp() {
        return context.recordTimestamp().orNull();
    }

    protected final long currentWatermark() {
        // the timers' watermark is restored from checkpoints; the operator's own only knows what arrived since
        return timers != null ? timers.currentWatermark() : currentWatermark;
    }

    protected final long currentProcessingTime() {
        return context.processingTimeService().getCurrentProcessingTime();
    }

    /** Clocks, and timers of the current key when {@link #usesTimers()}; otherwise setting a timer throws. */
    protected final TimerService timerService() {
        return timerService;
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        if (timers != null) {
            timers.advanceWatermark(watermark);
        }
        output.emitWatermark(watermark);
    }

    @Override
    public final void onEventTime(TimerKey timer) throws Exception {
        fire(timer, TimeDomain.EVENT_TIME);
    }

    @Override
    public final void onProcessingTime(TimerKey timer) throws Exception {
        fire(timer, TimeDomain.PROCESSING_TIME);
    }

    private void fire(TimerKey timer, TimeDomain domain) throws Exception {
        keyedStateBackend().setCurrentKey(timer.key());
        RecordTimestamp ts = context.recordTimestamp();
        long before = ts.enterTimer(timer.timestamp(), domain);
        try {
            onTimer(timer.timestamp(), domain);
        } finally {
            ts.set(before);
        }
    }

    /** A timer of the current key fired; only operators that {@link #usesTimers()} get here. */
    protected void onTimer(long timestamp, TimeDomain domain) throws Exception {
        throw new IllegalStateException("Operator " + getClass().getSimpleName() + " sets no timers, yet one fired");
    }

    @Override
    public OperatorSnapshot snapshotState(long checkpointId, long timestamp) throws Exception {
        if (timers != null) {
            timers.snapshotWatermark();
        }
        return super.snapshotState(checkpointId, timestamp);
    }

    @Override
    public void close() throws Exception {
        if (timers != null) {
            timers.close();
        }
        super.close();
    }

    /** The timer service of an operator without timers: its clocks, and a message for any timer. */
    private final class ClocksOnlyTimerService implements TimerService {
        @Override
        public long currentProcessingTime() {
            return AbstractTwoInputOperator.this.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            throw noTimers();
        }

        @Override
        public void registerEventTimeTimer(long time) {
            throw noTimers();
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            throw noTimers();
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            throw noTimers();
        }

        private UnsupportedOperationException noTimers() {
            return new UnsupportedOperationException("Timers are only available on keyed connected streams: use "
                    + "connect(...).keyBy(keySelector1, keySelector2).process(KeyedCoProcessFunction), or "
                    + "keyBy(...).connect(broadcastStream).process(KeyedBroadcastProcessFunction)");
        }
    }
}
