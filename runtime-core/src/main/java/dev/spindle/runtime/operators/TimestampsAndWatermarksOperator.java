package dev.spindle.runtime.operators;

import dev.spindle.api.eventtime.TimestampAssigner;
import dev.spindle.api.eventtime.Watermark;
import dev.spindle.api.eventtime.WatermarkGenerator;
import dev.spindle.api.eventtime.WatermarkGeneratorSupplier;
import dev.spindle.api.eventtime.WatermarkOutput;
import dev.spindle.api.eventtime.WatermarkStrategy;
import dev.spindle.api.state.ListState;
import dev.spindle.api.state.ListStateDescriptor;
import dev.spindle.configuration.PipelineOptions;
import dev.spindle.runtime.serialization.JavaSerialization;
import dev.spindle.runtime.state.OperatorSnapshot;
import dev.spindle.runtime.timers.ProcessingTimeService;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each record its event timestamp and generates watermarks (per record and every
 * {@code pipeline.auto-watermark-interval}), replacing whatever watermarks came from upstream
 * except the final one. The generator (when serializable) and the last watermark are checkpointed,
 * so after a restore the same records are late as before.
 */
public final class TimestampsAndWatermarksOperator<T> extends StreamOperator<T, T> implements WatermarkOutput {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TimestampsAndWatermarksOperator.class);

    private final WatermarkStrategy<T> strategy;
    private transient TimestampAssigner<T> assigner;
    private transient WatermarkGenerator<T> generator;
    private transient long currentWatermark;
    private transient boolean idle;
    private transient long intervalMillis;
    private transient ListState<Long> watermarkState;
    /** The generator, serialized while the snapshot is taken (it changes in place afterwards). */
    private transient ListState<byte[]> generatorState;

    public TimestampsAndWatermarksOperator(WatermarkStrategy<T> strategy) {
        this.strategy = strategy;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        currentWatermark = Long.MIN_VALUE;
        assigner = strategy.createTimestampAssigner();
        int subtask = context.environment() == null ? 0 : context.environment().getSubtaskIndex();
        generator = strategy.createWatermarkGenerator((WatermarkGeneratorSupplier.Context) () -> subtask);
        watermarkState = operatorStateStore().getListState(new ListStateDescriptor<>("_assigner-watermark", Long.class));
        generatorState = operatorStateStore().getListState(new ListStateDescriptor<>("_watermark-generator", byte[].class));
        Iterator<Long> restored = watermarkState.get().iterator();
        while (restored.hasNext()) {
            long w = restored.next();
            currentWatermark = currentWatermark == Long.MIN_VALUE ? w : Math.min(currentWatermark, w);
        }
        Iterator<byte[]> generators = generatorState.get().iterator();
        if (generators.hasNext()) {
            byte[] g = generators.next();
            if (!generators.hasNext()) {
                // the same subtask's generator; after a rescale (several or none) a fresh one starts
                ClassLoader loader = context.environment() == null ? getClass().getClassLoader()
                        : context.environment().getUserCodeClassLoader();
                generator = (WatermarkGenerator<T>) JavaSerialization.fromBytes(g, loader);
            }
        }
        intervalMillis = context.environment() == null ? 0
                : context.environment().getJobConfiguration().get(PipelineOptions.AUTO_WATERMARK_INTERVAL).toMillis();
        if (intervalMillis > 0) {
            ProcessingTimeService clock = clock();
            clock.registerTimer(clock.getCurrentProcessingTime() + intervalMillis, this::onPeriodicEmit);
        }
    }

    private ProcessingTimeService clock() {
        ProcessingTimeService clock = context.processingTimeService();
        if (clock == null) {
            throw new IllegalStateException("periodic watermarks need the task's clock, which this context does not have");
        }
        return clock;
    }

    private void onPeriodicEmit(long time) {
        generator.onPeriodicEmit(this);
        ProcessingTimeService clock = clock();
        clock.registerTimer(clock.getCurrentProcessingTime() + intervalMillis, this::onPeriodicEmit);
    }

    @Override
    public void processElement(T record) throws Exception {
        RecordTimestamp ts = context.recordTimestamp();
        long timestamp = assigner.extractTimestamp(record, ts.get());
        ts.set(timestamp);
        if (idle) {
            markActive();
        }
        output.collect(record);
        generator.onEvent(record, timestamp, this);
    }

    /** Upstream watermarks are replaced by this operator's own, except the final one of an ended input. */
    @Override
    public void processWatermark(long watermark) {
        if (watermark == Long.MAX_VALUE && currentWatermark != Long.MAX_VALUE) {
            currentWatermark = Long.MAX_VALUE;
            output.emitWatermark(Long.MAX_VALUE);
        }
    }

    /** This operator decides idleness itself (through its generator). */
    @Override
    public void processWatermarkStatus(boolean upstreamIdle) {
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        long w = watermark.getTimestamp();
        if (w <= currentWatermark) {
            return;
        }
        if (idle) {
            markActive();
        }
        currentWatermark = w;
        output.emitWatermark(w);
    }

    @Override
    public void markIdle() {
        if (!idle) {
            idle = true;
            LOG.debug("Task {}: input idle at watermark {}", context.taskName(), currentWatermark);
            output.emitWatermarkStatus(true);
        }
    }

    @Override
    public void markActive() {
        if (idle) {
            idle = false;
            output.emitWatermarkStatus(false);
        }
    }

    @Override
    public OperatorSnapshot snapshotState(long checkpointId, long timestamp) throws Exception {
        watermarkState.update(List.of(currentWatermark));
        if (generator instanceof Serializable) {
            generatorState.update(List.of(JavaSerialization.toBytes(generator)));
        }
        return super.snapshotState(checkpointId, timestamp);
    }
}
