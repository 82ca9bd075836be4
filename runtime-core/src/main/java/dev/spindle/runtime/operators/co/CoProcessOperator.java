package dev.spindle.runtime.operators.co;

import dev.spindle.api.OutputTag;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.TimerService;
import dev.spindle.api.functions.co.CoProcessFunction;

/** Runs a {@link CoProcessFunction}: records of both inputs with timestamps and side outputs; keyed state when keyed, no timers. */
public final class CoProcessOperator<IN1, IN2, OUT>
        extends AbstractTwoInputOperator<CoProcessFunction<IN1, IN2, OUT>, IN1, IN2, OUT> {

    private static final long serialVersionUID = 1L;

    private transient ElementContext elementContext;

    /** Key selectors: null on non-keyed connected streams. */
    public CoProcessOperator(CoProcessFunction<IN1, IN2, OUT> function, KeySelector<IN1, ?> keySelector1,
                             KeySelector<IN2, ?> keySelector2) {
        super(function, keySelector1, keySelector2);
    }

    @Override
    public void open() throws Exception {
        elementContext = new ElementContext();
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

    private final class ElementContext extends CoProcessFunction<IN1, IN2, OUT>.Context {
        ElementContext() {
            function.super();
        }

        @Override
        public Long timestamp() {
            return recordTimestamp();
        }

        @Override
        public TimerService timerService() {
            return CoProcessOperator.this.timerService();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            output.collect(outputTag, value);
        }
    }
}
