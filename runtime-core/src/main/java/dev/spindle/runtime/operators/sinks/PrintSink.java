package dev.spindle.runtime.operators.sinks;

import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.functions.SinkFunction;
import java.io.PrintStream;

/** Prints each record to the task's stdout, prefixed by {@code <subtask>> } when the sink runs in parallel. */
public final class PrintSink<T> extends AbstractRichFunction implements SinkFunction<T> {

    private static final long serialVersionUID = 1L;

    private transient String prefix;
    private transient PrintStream out;

    @Override
    public void open(RuntimeContext context) throws Exception {
        super.open(context);
        prefix = context.getNumberOfParallelSubtasks() > 1 ? (context.getIndexOfThisSubtask() + 1) + "> " : "";
        out = System.out;
    }

    @Override
    public void invoke(T value) {
        out.println(prefix.isEmpty() ? String.valueOf(value) : prefix + value);
    }

    @Override
    public void finish() {
        out.flush();
    }
}
