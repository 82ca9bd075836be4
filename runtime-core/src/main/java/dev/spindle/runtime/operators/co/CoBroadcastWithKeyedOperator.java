package dev.spindle.runtime.operators.co;

import dev.spindle.api.OutputTag;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.TimeDomain;
import dev.spindle.api.functions.TimerService;
import dev.spindle.api.functions.co.KeyedBroadcastProcessFunction;
import dev.spindle.api.state.BroadcastState;
import dev.spindle.api.state.KeyedStateFunction;
import dev.spindle.api.state.MapStateDescriptor;
import dev.spindle.api.state.ReadOnlyBroadcastState;
import dev.spindle.api.state.State;
import dev.spindle.api.state.StateDescriptor;
import java.util.List;

/**
 * Runs a {@link KeyedBroadcastProcessFunction}: the first input is a keyed stream (its records have
 * their key's state and timers and read the broadcast state), the second the broadcast stream (its
 * records write the broadcast state and reach every key's state through {@code applyToKeyedState}).
 */
public final class CoBroadcastWithKeyedOperator<KS, IN1, IN2, OUT>
        extends AbstractTwoInputOperator<KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>, IN1, IN2, OUT> {

    private static final long serialVersionUID = 1L;

    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;
    private transient BroadcastStates broadcastStates;
    private transient ReadOnlyContextImpl readOnlyContext;
    private transient ContextImpl context2;
    private transient OnTimerContextImpl timerContext;

    public CoBroadcastWithKeyedOperator(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function, KeySelector<IN1, KS> keySelector,
                                        List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        // the broadcast side is not partitioned by key: its records have none
        super(function, java.util.Objects.requireNonNull(keySelector, "key selector"), null);
        this.broadcastStateDescriptors = List.copyOf(broadcastStateDescriptors);
    }

    @Override
    protected boolean usesTimers() {
        return true;
    }

    @Override
    public void open() throws Exception {
        broadcastStates = new BroadcastStates(broadcastStateDescriptors, operatorStateStore());
        readOnlyContext = new ReadOnlyContextImpl();
        context2 = new ContextImpl();
        timerContext = new OnTimerContextImpl();
        super.open();
    }

    @Override
    public void processElement1(IN1 record) throws Exception {
        setKeyContext1(record);
        function.processElement(record, readOnlyContext, output);
    }

    @Override
    public void processElement2(IN2 record) throws Exception {
        // a broadcast record has no key: keyed state is reached through applyToKeyedState only
        keyedStateBackend().clearCurrentKey();
        function.processBroadcastElement(record, context2, output);
    }

    @Override
    protected void onTimer(long timestamp, TimeDomain domain) throws Exception {
        timerContext.timestamp = timestamp;
        timerContext.domain = domain;
        function.onTimer(timestamp, timerContext, output);
    }

    private class ReadOnlyContextImpl extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.ReadOnlyContext {
        ReadOnlyContextImpl() {
            function.super();
        }

        @Override
        public TimerService timerService() {
            return CoBroadcastWithKeyedOperator.this.timerService();
        }

        @Override
        public KS getCurrentKey() {
            return currentKey();
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return broadcastStates.readOnly(stateDescriptor);
        }

        @Override
        public Long timestamp() {
            return recordTimestamp();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            output.collect(outputTag, value);
        }

        @Override
        public long currentProcessingTime() {
            return CoBroadcastWithKeyedOperator.this.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return CoBroadcastWithKeyedOperator.this.currentWatermark();
        }
    }

    private final class OnTimerContextImpl extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.OnTimerContext {
        private long timestamp;
        private TimeDomain domain;

        OnTimerContextImpl() {
            function.super();
        }

        @Override
        public TimeDomain timeDomain() {
            return domain;
        }

        @Override
        public TimerService timerService() {
            return CoBroadcastWithKeyedOperator.this.timerService();
        }

        @Override
        public KS getCurrentKey() {
            return currentKey();
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return broadcastStates.readOnly(stateDescriptor);
        }

        @Override
        public Long timestamp() {
            return timestamp;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            output.collect(outputTag, value);
        }

        @Override
        public long currentProcessingTime() {
            return CoBroadcastWithKeyedOperator.this.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return CoBroadcastWithKeyedOperator.this.currentWatermark();
        }
    }

    private final class ContextImpl extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.Context {
        ContextImpl() {
            function.super();
        }

        @Override
        public <VS, S extends State> void applyToKeyedState(StateDescriptor<S, VS> stateDescriptor,
                                                           KeyedStateFunction<KS, S> keyedFunction) throws Exception {
            keyedStateBackend().applyToAllKeys(stateDescriptor, keyedFunction);
        }

        @Override
        public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return broadcastStates.writable(stateDescriptor);
        }

        @Override
        public Long timestamp() {
            return recordTimestamp();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            output.collect(outputTag, value);
        }

        @Override
        public long currentProcessingTime() {
            return CoBroadcastWithKeyedOperator.this.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return CoBroadcastWithKeyedOperator.this.currentWatermark();
        }
    }
}
