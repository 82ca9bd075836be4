package dev.spindle.runtime.operators.sources;

import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.GeneratorFunction;
import dev.spindle.api.functions.RichFunction;
import dev.spindle.api.functions.SourceFunction;

/**
 * Emits {@code generator(i)} for the indexes {@code 0..count-1} (or forever when count is
 * negative); subtask {@code s} of {@code p} takes the indexes {@code i} with {@code i % p == s}.
 */
public final class GeneratorSource<T> extends AbstractRichFunction implements SourceFunction<T> {

    private static final long serialVersionUID = 1L;

    private final long count;
    private final GeneratorFunction<T> generator;
    private transient volatile boolean canceled;

    public GeneratorSource(long count, GeneratorFunction<T> generator) {
        this.count = count;
        this.generator = java.util.Objects.requireNonNull(generator, "generator function");
    }

    @Override
    public void open(dev.spindle.api.functions.RuntimeContext context) throws Exception {
        super.open(context);
        if (generator instanceof RichFunction rich) {
            rich.open(context);
        }
    }

    @Override
    public void run(SourceContext<T> ctx) throws Exception {
        int parallelism = getRuntimeContext().getNumberOfParallelSubtasks();
        long index = getRuntimeContext().getIndexOfThisSubtask();
        while (!canceled && (count < 0 || index < count)) {
            ctx.collect(generator.generate(index));
            index += parallelism;
        }
    }

    @Override
    public void cancel() {
        canceled = true;
    }

    @Override
    public boolean isBounded() {
        return count >= 0;
    }

    @Override
    public void close() throws Exception {
        if (generator instanceof RichFunction rich) {
            rich.close();
        }
    }
}
