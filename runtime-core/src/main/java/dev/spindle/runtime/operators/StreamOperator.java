package dev.spindle.runtime.operators;

import dev.spindle.configuration.StateOptions;
import dev.spindle.runtime.state.DefaultOperatorStateStore;
import dev.spindle.runtime.state.KeyGroups;
import dev.spindle.runtime.state.KeyedStateBackend;
import dev.spindle.runtime.state.OperatorSnapshot;
import dev.spindle.runtime.state.OperatorStateData;
import dev.spindle.runtime.state.TtlTimeProvider;
import java.io.Serializable;
import java.util.Map;

/**
 * One step of an operator chain. Shipped Java-serialized in the job graph; the task deserializes a
 * fresh instance per subtask, calls {@link #setup}, {@link #initializeState}, {@link #open},
 * {@link #processElement} per record and {@link #processWatermark} as event time advances, {@link #endInput} once all input arrived (success only) and
 * {@link #close} always. With checkpointing, {@link #snapshotState} runs when a barrier passes and
 * {@link #notifyCheckpointComplete} when a checkpoint completed, both in the task thread.
 */
public abstract class StreamOperator<IN, OUT> implements Serializable {

    private static final long serialVersionUID = 1L;

    protected transient OperatorContext context;
    protected transient Output<OUT> output;
    private transient KeyedStateBackend keyedStateBackend;
    private transient DefaultOperatorStateStore operatorStateStore;
    private transient boolean restored;

    public final void setup(OperatorContext context, Output<OUT> output) {
        this.context = context;
        this.output = output;
    }

    /** Whether this operator keeps per-key state (it runs on a keyed stream). */
    protected boolean isKeyed() {
        return false;
    }

    /** Creates the state stores, filled from {@code restoredState} (null on a fresh start). Called before {@link #open}. */
    public void initializeState(OperatorStateData restoredState) throws Exception {
        OperatorStateData data = restoredState == null ? OperatorStateData.EMPTY : restoredState;
        ClassLoader userClassLoader = userClassLoader();
        if (!data.keyed().isEmpty() && !isKeyed()) {
            throw new IllegalStateException("The restored state of operator '" + getClass().getSimpleName() + "' holds keyed state "
                    + data.keyed().keySet() + " but the operator is not keyed any more; the savepoint does not fit this program");
        }
        if (isKeyed()) {
            keyedStateBackend = new KeyedStateBackend(KeyGroups.DEFAULT_MAX_PARALLELISM, data.keyed(), userClassLoader,
                    ttlTimeProvider(userClassLoader));
        }
        operatorStateStore = new DefaultOperatorStateStore(data.operator(), userClassLoader);
        restored = restoredState != null;
    }

    /** The clock of state time-to-live: the job's {@code state.ttl.time-provider}, else the system clock. */
    private TtlTimeProvider ttlTimeProvider(ClassLoader userClassLoader) {
        if (context == null || context.environment() == null) {
            return TtlTimeProvider.SYSTEM;
        }
        String className = context.environment().getJobConfiguration().getOptional(StateOptions.TTL_TIME_PROVIDER).orElse("");
        if (className.isBlank()) {
            return TtlTimeProvider.SYSTEM;
        }
        try {
            Class<?> type = Class.forName(className.trim(), true, userClassLoader);
            return (TtlTimeProvider) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException(StateOptions.TTL_TIME_PROVIDER.key() + ": '" + className + "' is no TtlTimeProvider "
                    + "class with a public no-argument constructor: " + e, e);
        }
    }

    private ClassLoader userClassLoader() {
        if (context != null && context.environment() != null) {
            return context.environment().getUserCodeClassLoader();
        }
        return getClass().getClassLoader();
    }

    /** Keyed state of this operator; created on first use when no checkpoint restored it. */
    protected KeyedStateBackend keyedStateBackend() {
        if (keyedStateBackend == null) {
            keyedStateBackend = new KeyedStateBackend(KeyGroups.DEFAULT_MAX_PARALLELISM, Map.of(), userClassLoader(),
                    ttlTimeProvider(userClassLoader()));
        }
        return keyedStateBackend;
    }

    protected DefaultOperatorStateStore operatorStateStore() {
        if (operatorStateStore == null) {
            operatorStateStore = new DefaultOperatorStateStore(Map.of(), userClassLoader());
        }
        return operatorStateStore;
    }

    protected boolean isRestored() {
        return restored;
    }

    public void open() throws Exception {
    }

    public abstract void processElement(IN record) throws Exception;

    /** Event time advanced to {@code watermark} on this operator's input; by default passed on unchanged. */
    public void processWatermark(long watermark) throws Exception {
        output.emitWatermark(watermark);
    }

    /** This operator's input became idle or active again; by default passed on. */
    public void processWatermarkStatus(boolean idle) throws Exception {
        output.emitWatermarkStatus(idle);
    }

    /** Synchronous part of a checkpoint: copies the state references; nothing is written yet. */
    public OperatorSnapshot snapshotState(long checkpointId, long timestamp) throws Exception {
        return new OperatorSnapshot(keyedStateBackend == null ? Map.of() : keyedStateBackend.snapshot(),
                operatorStateStore == null ? Map.of() : operatorStateStore.snapshot());
    }

    /** Checkpoint {@code checkpointId} completed (all tasks acknowledged it). */
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
    }

    /** All input arrived: emit what was held back (BATCH results) and commit sinks. Not called on failure. */
    public void endInput() throws Exception {
    }

    /** Releases resources; called after {@link #endInput} on success and also on failure or cancel. */
    public void close() throws Exception {
    }
}
