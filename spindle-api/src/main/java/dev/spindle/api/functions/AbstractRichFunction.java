package dev.spindle.api.functions;

/** Base class for rich functions: keeps the runtime context for {@link #getRuntimeContext()}. */
public abstract class AbstractRichFunction implements RichFunction {

    private static final long serialVersionUID = 1L;

    private transient RuntimeContext runtimeContext;

    @Override
    public void open(RuntimeContext context) throws Exception {
        this.runtimeContext = context;
    }

    @Override
    public void close() throws Exception {
    }

    /** The context of the subtask running this function; available from {@link #open} on. */
    public RuntimeContext getRuntimeContext() {
        if (runtimeContext == null) {
            throw new IllegalStateException("The runtime context is only available once the function was opened; "
                    + "if you override open(RuntimeContext), call super.open(context) first");
        }
        return runtimeContext;
    }
}
