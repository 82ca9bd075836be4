package dev.spindle.runtime.operators;

import dev.spindle.api.functions.Function;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.RichFunction;
import dev.spindle.api.checkpoint.CheckpointListener;
import dev.spindle.api.checkpoint.CheckpointedFunction;
import dev.spindle.api.checkpoint.FunctionInitializationContext;
import dev.spindle.api.checkpoint.FunctionSnapshotContext;
import dev.spindle.api.state.OperatorStateStore;
import dev.spindle.runtime.state.KeyedStateBackend;
import dev.spindle.runtime.state.OperatorSnapshot;
import dev.spindle.runtime.state.OperatorStateData;

/** An operator that runs a user function, opening and closing it if it is a {@link RichFunction}. */
public abstract class UserFunctionOperator<F extends Function, IN, OUT> extends StreamOperator<IN, OUT> {

    private static final long serialVersionUID = 1L;

    protected final F function;
    /** Set when the operator runs on a keyed stream: keyed state is then scoped to each record's key. */
    private final KeySelector<IN, ?> keySelector;
    private transient boolean opened;

    protected UserFunctionOperator(F function) {
        this(function, null);
    }

    /** {@code keySelector}: the key of the keyed stream the function is applied to, or null on a non-keyed stream. */
    protected UserFunctionOperator(F function, KeySelector<IN, ?> keySelector) {
        this.function = java.util.Objects.requireNonNull(function, "user function");
        this.keySelector = keySelector;
    }

    @Override
    protected boolean isKeyed() {
        return keySelector != null;
    }

    /** Scopes keyed state to {@code record}'s key before the function sees it (keyed streams only). */
    protected final void setKeyContext(IN record) throws Exception {
        if (keySelector != null) {
            keyedStateBackend().setCurrentKey(keySelector.getKey(record));
        }
    }

    public F getFunction() {
        return function;
    }

    /** State for keyed operators; null for the others. */
    protected KeyedStateBackend keyedState() {
        return isKeyed() ? keyedStateBackend() : null;
    }

    @Override
    public void initializeState(OperatorStateData restoredState) throws Exception {
        super.initializeState(restoredState);
        if (function instanceof CheckpointedFunction checkpointed) {
            boolean wasRestored = isRestored();
            OperatorStateStore store = operatorStateStore();
            checkpointed.initializeState(new FunctionInitializationContext() {
                @Override
                public boolean isRestored() {
                    return wasRestored;
                }

                @Override
                public OperatorStateStore getOperatorStateStore() {
                    return store;
                }
            });
        }
    }

    @Override
    public OperatorSnapshot snapshotState(long checkpointId, long timestamp) throws Exception {
        if (function instanceof CheckpointedFunction checkpointed) {
            checkpointed.snapshotState(new FunctionSnapshotContext() {
                @Override
                public long getCheckpointId() {
                    return checkpointId;
                }

                @Override
                public long getCheckpointTimestamp() {
                    return timestamp;
                }
            });
        }
        return super.snapshotState(checkpointId, timestamp);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (function instanceof CheckpointListener listener) {
            listener.notifyCheckpointComplete(checkpointId);
        }
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
