package dev.spindle.runtime.operators.co;

import dev.spindle.api.OutputTag;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.TimeDomain;
import dev.spindle.api.functions.TimerService;
import dev.spindle.api.functions.co.KeyedCoProcessFunction;

/** Runs a {@link KeyedCoProcessFunction}: records of both inputs with their key's state and timers. */
public final class KeyedCoProcessOperator<K, IN1, IN2, OUT>
        extends AbstractTwoInputOperator<KeyedCoProcessFunction<K, IN1, IN2, OUT>, IN1, IN2, OUT> {

    private static final long serialVersionUID = 1L;

    private transient ElementContext elementContext;
    private transient TimerContext timerContext;

    public KeyedCoProcessOperator(KeyedCoProcessFunction<K, IN1, IN2, OUT> function, KeySelector<IN1, K> keySelector1,
                                  KeySelector<IN2, K> keySelector2) {
        super(function, java.util.Objects.requireNonNull(keySelector1, "key selector 1"),
                java.util.Objects.requireNonNull(keySelector2, "key selector 2"));
    }

    @Override
    protected boolean usesTimers() {
        return true;
    }

    @Override
    public void open() throws Exception {
        elementContext = new ElementContext();
        timerContext = new TimerContext();
        super.open();
    }

    @Override
    public void processElement1(IN1 record) throws Exception {
        setKeyContext1(record);
        function.processElement1(record, elementContext, output);
    }

    @Override
    public void processElement2(IN2 record) throws Exception {
        setKeyContext2(record);
        function.processElement2(record, elementContext, output);
    }

    @Override
    protected void onTimer(long timestamp, TimeDomain domain) throws Exception {
        timerContext.timestamp = timestamp;
        timerContext.domain = domain;
        function.onTimer(timestamp, timerContext, output);
    }

    private final class ElementContext extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.Context {
        ElementContext() {
            function.super();
        }

        @Override
        public K getCurrentKey() {
            return currentKey();
        }

        @Override
        public Long timestamp() {
            return recordTimestamp();
        }

        @Override
        public TimerService timerService() {
            return KeyedCoProcessOperator.this.timerService();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            output.collect(outputTag, value);
        }
    }

    private final class TimerContext extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
        private long timestamp;
        private TimeDomain domain;

        TimerContext() {
            function.super();
        }

        @Override
        public K getCurrentKey() {
            return currentKey();
        }

        @Override
        public Long timestamp() {
            return timestamp;
        }

        @Override
        public TimerService timerService() {
            return KeyedCoProcessOperator.this.timerService();
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
