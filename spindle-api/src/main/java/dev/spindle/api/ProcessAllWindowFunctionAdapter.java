package dev.spindle.api;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.functions.windowing.ProcessAllWindowFunction;
import dev.spindle.api.functions.windowing.ProcessWindowFunction;
import dev.spindle.api.state.KeyedStateStore;
import dev.spindle.api.windowing.windows.Window;

/** Runs a {@link ProcessAllWindowFunction} as the process function of the window operator behind {@code windowAll}. */
final class ProcessAllWindowFunctionAdapter<IN, OUT, W extends Window> extends ProcessWindowFunction<IN, OUT, Byte, W> {

    private static final long serialVersionUID = 1L;

    private final ProcessAllWindowFunction<IN, OUT, W> function;

    ProcessAllWindowFunctionAdapter(ProcessAllWindowFunction<IN, OUT, W> function) {
        this.function = function;
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
        super.open(context);
        function.open(context);
    }

    @Override
    public void close() throws Exception {
        function.close();
    }

    @Override
    public void process(Byte key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
        function.process(new AllContext(context), elements, out);
    }

    @Override
    public void clear(Context context) throws Exception {
        function.clear(new AllContext(context));
    }

    /** The keyed context seen through the non-keyed function's eyes. */
    private final class AllContext extends ProcessAllWindowFunction<IN, OUT, W>.Context {
        private final Context keyed;

        AllContext(Context keyed) {
            function.super();
            this.keyed = keyed;
        }

        @Override
        public W window() {
            return keyed.window();
        }

        @Override
        public KeyedStateStore windowState() {
            return keyed.windowState();
        }

        @Override
        public KeyedStateStore globalState() {
            return keyed.globalState();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            keyed.output(outputTag, value);
        }
    }
}
