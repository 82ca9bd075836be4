package dev.spindle.runtime.operators;

import dev.spindle.api.functions.Function;
import dev.spindle.api.functions.RichFunction;
import dev.spindle.runtime.state.KeyedStateBackend;

/** An operator that runs a user function, opening and closing it if it is a {@link RichFunction}. */
public abstract class UserFunctionOperator<F extends Function, IN, OUT> extends StreamOperator<IN, OUT> {

    private static final long serialVersionUID = 1L;

    protected final F function;
    private transient boolean opened;

    protected UserFunctionOperator(F function) {
        this.function = java.util.Objects.requireNonNull(function, "user function");
    }

    public F getFunction() {
        return function;
    }

    /** State for keyed operators; null for the others. */
    protected KeyedStateBackend keyedState() {
        return null;
    }

    @Override
    public void open() throws Exception {
        if (function instanceof RichFunction rich) {
            rich.open(context.newRuntimeContext(keyedState()));
            opened = true;
        }
    }

    @Override
    public void close() throws Exception {
        if (opened && function instanceof RichFunction rich) {
            opened = false;
            rich.close();
        }
    }
}
