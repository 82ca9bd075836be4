package dev.spindle.runtime.operators;

import dev.spindle.api.OutputTag;
import dev.spindle.api.functions.ProcessFunction;
import dev.spindle.api.functions.TimerService;

/** Runs a {@link ProcessFunction}: each record with its timestamp, the current watermark and side outputs. */
public final class ProcessOperator<IN, OUT> extends UserFunctionOperator<ProcessFunction<IN, OUT>, IN, OUT> {

    private static final long serialVersionUID = 1L;

    private transient long currentWatermark;
    private transient ElementContext elementContext;

    public ProcessOperator(ProcessFunction<IN, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        currentWatermark = Long.MIN_VALUE;
        elementContext = new ElementContext();
        super.open();
    }

    @Override
    public void processElement(IN record) throws Exception {
        function.processElement(record, elementContext, output);
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        output.emitWatermark(watermark);
    }

    private final class ElementContext extends ProcessFunction<IN, OUT>.Context implements TimerService {
        ElementContext() {
            function.super();
        }

        @Override
        public Long timestamp() {
            return context.recordTimestamp().orNull();
        }

        @Override
        public TimerService timerService() {
            return this;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            output.collect(outputTag, value);
        }

        @Override
        public long currentProcessingTime() {
            return System.currentTimeMillis();
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            throw timersNeedKeys();
        }

        @Override
        public void registerEventTimeTimer(long time) {
            throw timersNeedKeys();
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            throw timersNeedKeys();
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            throw timersNeedKeys();
        }

        private UnsupportedOperationException timersNeedKeys() {
            return new UnsupportedOperationException("Timers are only available on keyed streams: use "
                    + "keyBy(...).process(KeyedProcessFunction) instead of process(ProcessFunction)");
        }
    }
}
