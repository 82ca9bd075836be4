package dev.spindle.runtime.operators;

import dev.spindle.api.OutputTag;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.KeyedProcessFunction;
import dev.spindle.api.functions.TimeDomain;
import dev.spindle.api.functions.TimerService;
import dev.spindle.runtime.state.OperatorSnapshot;
import dev.spindle.runtime.timers.InternalTimerService;
import dev.spindle.runtime.timers.KeyedTimerService;
import dev.spindle.runtime.timers.TimerKey;
import dev.spindle.runtime.timers.Triggerable;

/**
 * Runs a {@link KeyedProcessFunction} with per-key state scoped to each record's key and per-key
 * timers: event-time timers fire as the watermark passes them, processing-time ones by the clock.
 */
public final class KeyedProcessOperator<K, IN, OUT>
        extends UserFunctionOperator<KeyedProcessFunction<K, IN, OUT>, IN, OUT> implements Triggerable {

    private static final long serialVersionUID = 1L;

    private final KeySelector<IN, K> keySelector;
    private transient K currentKey;
    private transient InternalTimerService timers;
    private transient ElementContext elementContext;
    private transient TimerContext timerContext;
    private transient KeyedTimerService keyTimerService;

    public KeyedProcessOperator(KeySelector<IN, K> keySelector, KeyedProcessFunction<K, IN, OUT> function) {
        super(function);
        this.keySelector = keySelector;
    }

    @Override
    protected boolean isKeyed() {
        return true;
    }

    @Override
    public void open() throws Exception {
        timers = new InternalTimerService(keyedStateBackend(), operatorStateStore(), context.processingTimeService(), this);
        keyTimerService = new KeyedTimerService(timers, () -> currentKey);
        elementContext = new ElementContext();
        timerContext = new TimerContext();
        super.open();
    }

    @Override
    public void processElement(IN record) throws Exception {
        currentKey = keySelector.getKey(record);
        keyedStateBackend().setCurrentKey(currentKey);
        function.processElement(record, elementContext, output);
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        timers.advanceWatermark(watermark);
        output.emitWatermark(watermark);
    }

    @Override
    public void onEventTime(TimerKey timer) throws Exception {
        onTimer(timer, TimeDomain.EVENT_TIME);
    }

    @Override
    public void onProcessingTime(TimerKey timer) throws Exception {
        onTimer(timer, TimeDomain.PROCESSING_TIME);
    }

    @SuppressWarnings("unchecked")
    private void onTimer(TimerKey timer, TimeDomain domain) throws Exception {
        currentKey = (K) timer.key();
        RecordTimestamp ts = context.recordTimestamp();
        long before = ts.enterTimer(timer.timestamp(), domain);
        timerContext.timer = timer;
        timerContext.domain = domain;
        try {
            function.onTimer(timer.timestamp(), timerContext, output);
        } finally {
            timerContext.timer = null;
            ts.set(before);
        }
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

    private final class ElementContext extends KeyedProcessFunction<K, IN, OUT>.Context {
        ElementContext() {
            function.super();
        }

        @Override
        public K getCurrentKey() {
            return currentKey;
        }

        @Override
        public Long timestamp() {
            return context.recordTimestamp().orNull();
        }

        @Override
        public TimerService timerService() {
            return keyTimerService;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            output.collect(outputTag, value);
        }
    }

    private final class TimerContext extends KeyedProcessFunction<K, IN, OUT>.OnTimerContext {
        private TimerKey timer;
        private TimeDomain domain;

        TimerContext() {
            function.super();
        }

        @Override
        public K getCurrentKey() {
            return currentKey;
        }

        @Override
        public Long timestamp() {
            return timer.timestamp();
        }

        @Override
        public TimerService timerService() {
            return keyTimerService;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            output.collect(outputTag, value);
        }

        @Override
        public TimeDomain timeDomain() {
            return domain;
        }
    }
}
