package dev.spindle.api;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.RichFunction;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.functions.windowing.ProcessWindowFunction;
import dev.spindle.api.functions.windowing.WindowFunction;
import dev.spindle.api.windowing.windows.Window;

/** Runs a {@link WindowFunction} as the window operator's process function, passing on its lifecycle. */
final class WindowFunctionAdapter<IN, OUT, K, W extends Window> extends ProcessWindowFunction<IN, OUT, K, W> {

    private static final long serialVersionUID = 1L;

    private final WindowFunction<IN, OUT, K, W> function;

    WindowFunctionAdapter(WindowFunction<IN, OUT, K, W> function) {
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
    public void process(K key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
        function.apply(key, context.window(), elements, out);
    }
}
