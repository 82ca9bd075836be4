package dev.spindle.runtime.operators.windowing;

import dev.spindle.api.OutputTag;
import dev.spindle.api.dag.OperatorDescription;
import dev.spindle.api.functions.AggregateFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.api.functions.RichFunction;
import dev.spindle.api.functions.windowing.ProcessWindowFunction;
import dev.spindle.api.state.KeyedStateStore;
import dev.spindle.api.state.ListState;
import dev.spindle.api.state.ListStateDescriptor;
import dev.spindle.api.state.MergingState;
import dev.spindle.api.state.State;
import dev.spindle.api.state.StateDescriptor;
import dev.spindle.api.windowing.assigners.MergingWindowAssigner;
import dev.spindle.api.windowing.assigners.WindowAssigner;
import dev.spindle.api.windowing.evictors.Evictor;
import dev.spindle.api.windowing.evictors.TimestampedValue;
import dev.spindle.api.windowing.triggers.Trigger;
import dev.spindle.api.windowing.triggers.TriggerResult;
import dev.spindle.api.windowing.windows.Window;
import dev.spindle.runtime.operators.RecordTimestamp;
import dev.spindle.runtime.operators.StreamOperator;
import dev.spindle.runtime.serialization.JavaSerialization;
import dev.spindle.runtime.state.HeapKeyedState;
import dev.spindle.runtime.state.KeyedStateBackend;
import dev.spindle.runtime.state.OperatorSnapshot;
import dev.spindle.runtime.state.ScopedKeyedStateStore;
import dev.spindle.runtime.timers.InternalTimerService;
import dev.spindle.runtime.timers.KeyAndNamespace;
import dev.spindle.runtime.timers.TimerKey;
import dev.spindle.runtime.timers.Triggerable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a keyed window: assigns each record to its windows, keeps each window's contents in keyed
 * state under (key, window), asks the trigger when to evaluate, and evaluates with the window
 * function. Event-time windows are cleaned up (contents, trigger state and timers) once the
 * watermark passes their end plus the allowed lateness; records for windows already cleaned up are
 * late and go to the late side output, if one is set. Sessions merge their windows' contents.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class WindowOperator<K, IN, OUT> extends StreamOperator<IN, OUT> implements Triggerable {

    private static final long serialVersionUID = 1L;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WindowOperator.class);

    private final KeySelector<IN, K> keySelector;
    private final WindowAssigner<Object, Window> assigner;
    private final Trigger<Object, Window> trigger;
    private final Evictor<Object, Window> evictor;
    private final long allowedLateness;
    private final OutputTag<IN> lateDataTag;
    private final ReduceFunction<Object> reduce;
    private final AggregateFunction<Object, Object, Object> aggregate;
    private final ProcessWindowFunction<Object, OUT, K, Window> windowFunction;

    private transient KeyedStateBackend backend;
    private transient HeapKeyedState<WindowContents> contents;
    /** Sessions: the open windows of each key. */
    private transient HeapKeyedState<Set<Window>> sessionWindows;
    private transient InternalTimerService timers;
    private transient long epoch;
    private transient boolean keepsElements;
    private transient ClassLoader userClassLoader;
    private transient WindowTriggerContext triggerContext;
    private transient ProcessWindowFunction.Context windowContext;
    private transient K currentKey;
    private transient Window currentWindow;
    private transient List<RichFunction> opened;
    /** The per-window states the window function used, cleared with each window; kept in operator state across restarts. */
    private transient Set<StateDescriptor<?, ?>> windowStateDescriptors;
    private transient ListState<StateDescriptor<?, ?>> windowStateDescriptorsState;

    public WindowOperator(OperatorDescription.Window<K, IN, ?, OUT> description) {
        this.keySelector = description.keySelector();
        this.assigner = (WindowAssigner) description.assigner();
        this.trigger = (Trigger) description.trigger();
        this.evictor = (Evictor) description.evictor();
        this.allowedLateness = description.allowedLatenessMillis();
        this.lateDataTag = description.lateDataTag();
        this.reduce = (ReduceFunction) description.reduce();
        this.aggregate = (AggregateFunction) description.aggregate();
        this.windowFunction = (ProcessWindowFunction) description.windowFunction();
        if (assigner instanceof MergingWindowAssigner && !trigger.canMerge()) {
            throw new UnsupportedOperationException("A merging window assigner (sessions) cannot be used with " + trigger
                    + ", which does not support merging windows");
        }
    }

    @Override
    protected boolean isKeyed() {
        return true;
    }

    @Override
    public void open() throws Exception {
        backend = keyedStateBackend();
        contents = backend.getOrCreate("window-contents", "WINDOW_CONTENTS");
        sessionWindows = backend.getOrCreate("session-windows", "SESSION_WINDOWS");
        timers = new InternalTimerService(backend, operatorStateStore(), context.processingTimeService(), this);
        keepsElements = evictor != null || (reduce == null && aggregate == null);
        epoch = 1;
        userClassLoader = context.environment() == null ? getClass().getClassLoader() : context.environment().getUserCodeClassLoader();
        triggerContext = new WindowTriggerContext();
        windowStateDescriptors = new LinkedHashSet<>();
        windowStateDescriptorsState = operatorStateStore().getUnionListState(
                new ListStateDescriptor<>("_window-state-descriptors", (Class<StateDescriptor<?, ?>>) (Class) StateDescriptor.class));
        for (StateDescriptor<?, ?> d : windowStateDescriptorsState.get()) {
            windowStateDescriptors.add(d);
        }
        if (windowFunction != null) {
            windowContext = new WindowFunctionContext(windowFunction);
        }
        opened = new ArrayList<>();
        for (Object f : new Object[] {reduce, aggregate, windowFunction}) {
            if (f instanceof RichFunction rich) {
                rich.open(context.newRuntimeContext(backend));
                opened.add(rich);
            }
        }
    }

    @Override
    public void processElement(IN record) throws Exception {
        K key = keySelector.getKey(record);
        currentKey = key;
        long timestamp = context.recordTimestamp().get();
        Collection<Window> assigned = assigner.assignWindows(record, timestamp, timers::currentProcessingTime);
        boolean allLate = !assigned.isEmpty();
        for (Window window : assigned) {
            if (isWindowLate(window)) {
                continue;
            }
            allLate = false;
            Window target = assigner instanceof MergingWindowAssigner ? addSessionWindow(key, window) : window;
            add(key, target, record, timestamp);
            TriggerResult result = trigger.onElement(record, timestamp, target, triggerContext.of(key, target));
            handle(key, target, result);
            registerCleanupTimer(key, target);
        }
        if (allLate) {
            backend.setCurrentKey(key);
            if (lateDataTag != null) {
                output.collect(lateDataTag, record);
            }
        }
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        timers.advanceWatermark(watermark);
        output.emitWatermark(watermark);
    }

    @Override
    public void onEventTime(TimerKey timer) throws Exception {
        K key = (K) timer.key();
        Window window = (Window) timer.namespace();
        if (!isOpen(key, window)) {
            return;
        }
        handle(key, window, trigger.onEventTime(timer.timestamp(), window, triggerContext.of(key, window)));
        if (assigner.isEventTime() && timer.timestamp() == cleanupTime(window)) {
            clearAll(key, window);
        }
    }

    @Override
    public void onProcessingTime(TimerKey timer) throws Exception {
        K key = (K) timer.key();
        Window window = (Window) timer.namespace();
        if (!isOpen(key, window)) {
            return;
        }
        handle(key, window, trigger.onProcessingTime(timer.timestamp(), window, triggerContext.of(key, window)));
        if (!assigner.isEventTime() && timer.timestamp() == cleanupTime(window)) {
            clearAll(key, window);
        }
    }

    /** Whether the window still exists for the key (a merged-away session window's timers are stale). */
    private boolean isOpen(K key, Window window) {
        if (!(assigner instanceof MergingWindowAssigner)) {
            return true;
        }
        backend.setCurrentKey(key);
        Set<Window> open = sessionWindows.get();
        return open != null && open.contains(window);
    }

    private boolean isWindowLate(Window window) {
        return assigner.isEventTime() && cleanupTime(window) <= timers.currentWatermark();
    }

    private long cleanupTime(Window window) {
        if (!assigner.isEventTime()) {
            return window.maxTimestamp();
        }
        long cleanup = window.maxTimestamp() + allowedLateness;
        return cleanup >= window.maxTimestamp() ? cleanup : Long.MAX_VALUE;
    }

    private void registerCleanupTimer(K key, Window window) {
        long cleanup = cleanupTime(window);
        if (cleanup == Long.MAX_VALUE) {
            return; // the global window lives as long as the job
        }
        if (assigner.isEventTime()) {
            timers.registerEventTimeTimer(key, window, cleanup);
        } else {
            timers.registerProcessingTimeTimer(key, window, cleanup);
        }
    }

    // ---- contents ------------------------------------------------------------------------------

    private void add(K key, Window window, IN record, long timestamp) throws Exception {
        backend.setCurrentKey(new KeyAndNamespace(key, window));
        WindowContents c = contents.get();
        if (keepsElements) {
            if (c == null) {
                c = WindowContents.ofElements(epoch);
                contents.put(c);
            } else if (c.epoch != epoch) {
                WindowContents copy = WindowContents.ofElements(epoch);
                copy.elements.addAll(c.elements);
                c = copy;
                contents.put(c);
            }
            c.elements.add(new TimestampedValue<>(record, timestamp));
        } else {
            Object value;
            if (c == null) {
                value = reduce != null ? record : aggregate.add(record, aggregate.createAccumulator());
            } else {
                // a snapshot may hold the current value: aggregate into a copy of it
                Object current = c.epoch == epoch ? c.accumulator : copy(c.accumulator);
                backend.setCurrentKey(key);
                value = reduce != null ? reduce.reduce(current, record) : aggregate.add(record, current);
                backend.setCurrentKey(new KeyAndNamespace(key, window));
            }
            contents.put(WindowContents.ofAccumulator(value, epoch));
        }
    }

    private Object copy(Object value) throws Exception {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return JavaSerialization.fromBytes(JavaSerialization.toBytes(value), userClassLoader);
    }

    private void handle(K key, Window window, TriggerResult result) throws Exception {
        if (result.isFire()) {
            backend.setCurrentKey(new KeyAndNamespace(key, window));
            WindowContents c = contents.get();
            if (c != null) {
                emit(key, window, c);
            }
        }
        if (result.isPurge()) {
            backend.setCurrentKey(new KeyAndNamespace(key, window));
            contents.remove();
        }
    }

    /** Evaluates the window; its results carry the window's last timestamp as event time. */
    private void emit(K key, Window window, WindowContents c) throws Exception {
        RecordTimestamp ts = context.recordTimestamp();
        long before = ts.get();
        ts.set(window.maxTimestamp());
        currentKey = key;
        currentWindow = window;
        try {
            if (!keepsElements) {
                backend.setCurrentKey(key);
                Object value = reduce != null ? c.accumulator : aggregate.getResult(c.accumulator);
                evaluate(key, List.of(value));
                return;
            }
            ArrayList<TimestampedValue<Object>> elements = c.elements;
            if (evictor != null) {
                // the evictor removes through the iterator: work on this epoch's own list, stored back below
                elements = new ArrayList<>(c.elements);
                evictor.evictBefore(elements, elements.size(), window, triggerContext);
            }
            List<Object> values = new ArrayList<>(elements.size());
            for (TimestampedValue<Object> e : elements) {
                values.add(e.getValue());
            }
            backend.setCurrentKey(key);
            if (reduce != null) {
                Object reduced = null;
                for (Object v : values) {
                    reduced = reduced == null ? v : reduce.reduce(reduced, v);
                }
                evaluate(key, reduced == null ? List.of() : List.of(reduced));
            } else if (aggregate != null) {
                Object acc = aggregate.createAccumulator();
                for (Object v : values) {
                    acc = aggregate.add(v, acc);
                }
                evaluate(key, List.of(aggregate.getResult(acc)));
            } else {
                evaluate(key, values);
            }
            if (evictor != null) {
                evictor.evictAfter(elements, elements.size(), window, triggerContext);
                WindowContents kept = WindowContents.ofElements(epoch);
                kept.elements.addAll(elements);
                backend.setCurrentKey(new KeyAndNamespace(key, window));
                contents.put(kept);
            }
        } finally {
            ts.set(before);
        }
    }

    private void evaluate(K key, List<Object> values) throws Exception {
        if (windowFunction != null) {
            windowFunction.process(key, windowContext, values, output);
        } else {
            for (Object v : values) {
                output.collect((OUT) v);
            }
        }
    }

    private void clearAll(K key, Window window) throws Exception {
        backend.setCurrentKey(new KeyAndNamespace(key, window));
        contents.remove();
        trigger.clear(window, triggerContext.of(key, window));
        if (windowFunction != null) {
            currentKey = key;
            currentWindow = window;
            backend.setCurrentKey(key);
            windowFunction.clear(windowContext);
            KeyAndNamespace scope = new KeyAndNamespace(key, window);
            for (StateDescriptor<?, ?> d : windowStateDescriptors) {
                backend.setCurrentKey(scope);
                backend.getState((StateDescriptor) d).clear();
            }
        }
        if (assigner instanceof MergingWindowAssigner) {
            backend.setCurrentKey(key);
            Set<Window> open = sessionWindows.get();
            if (open != null) {
                Set<Window> rest = new HashSet<>(open);
                rest.remove(window);
                if (rest.isEmpty()) {
                    sessionWindows.remove();
                } else {
                    sessionWindows.put(rest);
                }
            }
        }
    }

    // ---- sessions ------------------------------------------------------------------------------

    /** Adds a record's session window to the key's open windows, merging what overlaps; returns the window it ends up in. */
    private Window addSessionWindow(K key, Window window) throws Exception {
        backend.setCurrentKey(key);
        Set<Window> open = sessionWindows.get();
        Set<Window> windows = open == null ? new HashSet<>() : new HashSet<>(open);
        windows.add(window);
        Window[] result = {window};
        List<Object[]> merges = new ArrayList<>();
        ((MergingWindowAssigner<Object, Window>) assigner).mergeWindows(windows, (toBeMerged, mergeResult) ->
                merges.add(new Object[] {new ArrayList<>(toBeMerged), mergeResult}));
        for (Object[] merge : merges) {
            List<Window> members = (List<Window>) merge[0];
            Window merged = (Window) merge[1];
            if (members.contains(window)) {
                result[0] = merged;
            }
            windows.removeAll(members);
            windows.add(merged);
            mergeContents(key, members, merged);
        }
        backend.setCurrentKey(key);
        sessionWindows.put(windows);
        return result[0];
    }

    private void mergeContents(K key, List<Window> members, Window merged) throws Exception {
        WindowContents combined = null;
        for (Window w : members) {
            backend.setCurrentKey(new KeyAndNamespace(key, w));
            WindowContents c = contents.get();
            if (c != null) {
                contents.remove();
                combined = combined == null ? copyOf(c) : combine(key, combined, c);
            }
        }
        if (combined != null) {
            backend.setCurrentKey(new KeyAndNamespace(key, merged));
            contents.put(combined);
        }
        // the trigger merges the members' state first; then their state and timers go
        trigger.onMerge(merged, triggerContext.ofMerge(key, merged, members));
        for (Window w : members) {
            if (!w.equals(merged)) {
                trigger.clear(w, triggerContext.of(key, w));
                long cleanup = cleanupTime(w);
                if (assigner.isEventTime()) {
                    timers.deleteEventTimeTimer(key, w, cleanup);
                } else {
                    timers.deleteProcessingTimeTimer(key, w, cleanup);
                }
            }
        }
        registerCleanupTimer(key, merged);
    }

    private WindowContents copyOf(WindowContents c) throws Exception {
        if (keepsElements) {
            WindowContents copy = WindowContents.ofElements(epoch);
            copy.elements.addAll(c.elements);
            return copy;
        }
        return WindowContents.ofAccumulator(c.epoch == epoch ? c.accumulator : copy(c.accumulator), epoch);
    }

    private WindowContents combine(K key, WindowContents into, WindowContents other) throws Exception {
        if (keepsElements) {
            into.elements.addAll(other.elements);
            into.elements.sort((a, b) -> Long.compare(a.getTimestamp(), b.getTimestamp()));
            return into;
        }
        Object b = other.epoch == epoch ? other.accumulator : copy(other.accumulator);
        backend.setCurrentKey(key);
        Object merged = reduce != null ? reduce.reduce(into.accumulator, b) : aggregate.merge(into.accumulator, b);
        return WindowContents.ofAccumulator(merged, epoch);
    }

    // ---- checkpoints ---------------------------------------------------------------------------

    @Override
    public OperatorSnapshot snapshotState(long checkpointId, long timestamp) throws Exception {
        if (timers != null) {
            timers.snapshotWatermark();
        }
        if (windowStateDescriptorsState != null) {
            windowStateDescriptorsState.update(new ArrayList<>(windowStateDescriptors));
        }
        OperatorSnapshot snapshot = super.snapshotState(checkpointId, timestamp);
        // the snapshot now references the current contents: the next change of each works on a copy
        epoch++;
        return snapshot;
    }

    /**
     * Processing-time windows still open when the input ends are fired now instead of dropped: their
     * time would come after the job is gone, and nobody expects a bounded job to lose its last records.
     */
    @Override
    public void endInput() throws Exception {
        if (!assigner.isEventTime()) {
            int pending = timers.fireAllProcessingTimers();
            if (pending > 0) {
                LOG.info("Task {}: input ended; fired the processing-time windows still open ({} timers)", context.taskName(), pending);
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (timers != null) {
            timers.close();
        }
        if (opened != null) {
            for (RichFunction f : opened) {
                f.close();
            }
            opened = null;
        }
    }

    // ---- contexts ------------------------------------------------------------------------------

    private final class WindowTriggerContext implements Trigger.OnMergeContext, Evictor.EvictorContext {
        private Object key;
        private Window window;
        /** While {@link Trigger#onMerge} runs: the windows merged into {@link #window}. */
        private List<Window> mergedWindows;

        WindowTriggerContext of(Object key, Window window) {
            this.key = key;
            this.window = window;
            this.mergedWindows = null;
            return this;
        }

        WindowTriggerContext ofMerge(Object key, Window window, List<Window> mergedWindows) {
            of(key, window);
            this.mergedWindows = mergedWindows;
            return this;
        }

        @Override
        public long getCurrentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long getCurrentWatermark() {
            return timers.currentWatermark();
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            timers.registerProcessingTimeTimer(key, window, time);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            timers.registerEventTimeTimer(key, window, time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            timers.deleteProcessingTimeTimer(key, window, time);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            timers.deleteEventTimeTimer(key, window, time);
        }

        @Override
        public <S extends State> S getPartitionedState(StateDescriptor<S, ?> descriptor) {
            return new ScopedKeyedStateStore(backend, scope(window), null).get(descriptor);
        }

        @Override
        public <S extends MergingState<?, ?>> void mergePartitionedState(StateDescriptor<S, ?> descriptor) {
            if (mergedWindows == null) {
                throw new IllegalStateException("mergePartitionedState can only be called from Trigger.onMerge");
            }
            List<Object> sources = new ArrayList<>(mergedWindows.size());
            for (Window w : mergedWindows) {
                sources.add(scope(w));
            }
            backend.mergeInto(descriptor, scope(window), sources);
        }

        private KeyAndNamespace scope(Window w) {
            return new KeyAndNamespace(key, new TriggerStateNamespace(w));
        }
    }

    private final class WindowFunctionContext extends ProcessWindowFunction<Object, OUT, K, Window>.Context {
        WindowFunctionContext(ProcessWindowFunction<Object, OUT, K, Window> function) {
            function.super();
        }

        @Override
        public Window window() {
            return currentWindow;
        }

        @Override
        public long currentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timers.currentWatermark();
        }

        @Override
        public KeyedStateStore windowState() {
            if (assigner instanceof MergingWindowAssigner) {
                throw new UnsupportedOperationException("Per-window state is not supported with merging windows (" + assigner
                        + "): their windows merge and vanish; use globalState() or the trigger's state");
            }
            return new ScopedKeyedStateStore(backend, new KeyAndNamespace(currentKey, currentWindow), windowStateDescriptors::add);
        }

        @Override
        public KeyedStateStore globalState() {
            return new ScopedKeyedStateStore(backend, currentKey, null);
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            output.collect(outputTag, value);
        }
    }
}
