package dev.spindle.runtime.operators.co;

import dev.spindle.api.OutputTag;
import dev.spindle.api.functions.co.BroadcastProcessFunction;
import dev.spindle.api.state.BroadcastState;
import dev.spindle.api.state.MapStateDescriptor;
import dev.spindle.api.state.ReadOnlyBroadcastState;
import java.util.List;

/**
 * Runs a {@link BroadcastProcessFunction}: the first input is a non-keyed stream, the second the
 * broadcast stream; broadcast state is read-write on the broadcast side, read-only on the other.
 */
public final class CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT>
        extends AbstractTwoInputOperator<BroadcastProcessFunction<IN1, IN2, OUT>, IN1, IN2, OUT> {

    private static final long serialVersionUID = 1L;

    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;
    private transient BroadcastStates broadcastStates;
    private transient ReadOnlyContextImpl readOnlyContext;
    private transient ContextImpl context2;

    public CoBroadcastWithNonKeyedOperator(BroadcastProcessFunction<IN1, IN2, OUT> function,
                                           List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        super(function, null, null);
        this.broadcastStateDescriptors = List.copyOf(broadcastStateDescriptors);
    }

    @Override
    public void open() throws Exception {
        broadcastStates = new BroadcastStates(broadcastStateDescriptors, operatorStateStore());
        readOnlyContext = new ReadOnlyContextImpl();
        context2 = new ContextImpl();
        super.open();
    }

    @Override
    public void processElement1(IN1 record) throws Exception {
        function.processElement(record, readOnlyContext, output);
    }

    @Override
    public void processElement2(IN2 record) throws Exception {
        function.processBroadcastElement(record, context2, output);
    }

    private final class ReadOnlyContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext {
        ReadOnlyContextImpl() {
            function.super();
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
            return CoBroadcastWithNonKeyedOperator.this.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return CoBroadcastWithNonKeyedOperator.this.currentWatermark();
        }
    }

    private final class ContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.Context {
        ContextImpl() {
            function.super();
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
            return CoBroadcastWithNonKeyedOperator.this.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return CoBroadcastWithNonKeyedOperator.this.currentWatermark();
        }
    }
}
