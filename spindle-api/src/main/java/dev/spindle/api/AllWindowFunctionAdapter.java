package dev.spindle.api;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.RichFunction;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.functions.windowing.AllWindowFunction;
import dev.spindle.api.functions.windowing.ProcessWindowFunction;
import dev.spindle.api.windowing.windows.Window;

/** Runs an {@link AllWindowFunction} as the process function of the window operator behind {@code windowAll}. */
final class AllWindowFunctionAdapter<IN, OUT, W extends Window> extends ProcessWindowFunction<IN, OUT, Byte, W> {

    private static final long serialVersionUID = 1L;

    private final AllWindowFunction<IN, OUT, W> function;

    AllWindowFunctionAdapter(AllWindowFunction<IN, OUT, W> function) {
        this.function = function;
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
        super.open(context);
        if (function instanceof RichFunction rich) {
            rich.open(context);
        }
    }

    @Override
    public void close() throws Exception {
        if (function instanceof RichFunction rich) {
            rich.close();
        }
    }

    @Override
    public void process(Byte key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
        function.apply(context.window(), elements, out);
    }
}
