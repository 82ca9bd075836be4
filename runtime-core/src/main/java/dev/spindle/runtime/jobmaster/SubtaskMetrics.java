package dev.spindle.runtime.jobmaster;

import dev.spindle.runtime.rpc.proto.OperatorMetrics;
import dev.spindle.runtime.rpc.proto.TaskMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest figures of one subtask attempt, as its TaskExecutor's heartbeat carried them
 * (cumulative counters), with rates and time shares over the interval since the one before: a
 * task stuck now shows as stuck now, not averaged over its whole life.
 *
 * @param busyRatio share of the interval the task worked (neither idle nor backpressured)
 * @param idleRatio share spent waiting for input
 * @param backpressuredRatio share spent waiting for room downstream
 * @param outputBuffers how full the subtask's result subpartitions are (back pressure from consumers shows here first)
 * @param inputBuffers how full its input gates are (data received, not processed yet)
 */
public record SubtaskMetrics(long bytesIn, long bytesOut, double recordsInPerSecond, double recordsOutPerSecond,
        double busyRatio, double idleRatio, double backpressuredRatio, List<OperatorFigures> operators,
        BufferFigures outputBuffers, BufferFigures inputBuffers, TaskMetrics raw) {

    /**
     * One operator of the chain: its records in and out, their rates, and its current watermark
     * with how far it lags the TaskExecutor's clock ({@code null} both: no watermark yet).
     */
    public record OperatorFigures(String name, long recordsIn, long recordsOut, double recordsInPerSecond, double recordsOutPerSecond,
            Long watermark, Long watermarkLagMillis) {

        /** The watermark that ends event time (the input ended): there is no lag to speak of. */
        public boolean watermarkAtEnd() {
            return watermark != null && watermark == Long.MAX_VALUE;
        }
    }

    /** Buffers in use out of the capacity of a subtask's gates or partitions; usage is 0 with no capacity. */
    public record BufferFigures(int used, int capacity) {

        public double usage() {
            return capacity == 0 ? 0 : used / (double) capacity;
        }
    }

    /** Time the attempt has worked since it started (neither idle nor backpressured), in milliseconds. */
    public long busyMillis() {
        return Math.max(0, raw.getRunningNanos() - raw.getIdleNanos() - raw.getBackpressuredNanos()) / 1_000_000;
    }

    /** Time the attempt has waited for input since it started, in milliseconds. */
    public long idleMillis() {
        return raw.getIdleNanos() / 1_000_000;
    }

    /** Time the attempt has waited for room downstream since it started, in milliseconds. */
    public long backpressuredMillis() {
        return raw.getBackpressuredNanos() / 1_000_000;
    }

    /** The figures after {@code sample}; {@code previous} is the same attempt's last one, or null. */
    static SubtaskMetrics next(SubtaskMetrics previous, TaskMetrics sample) {
        TaskMetrics before = previous == null ? TaskMetrics.getDefaultInstance() : previous.raw;
        long wall = sample.getRunningNanos() - before.getRunningNanos();
        if (wall <= 0) {
            before = TaskMetrics.getDefaultInstance();
            wall = Math.max(1, sample.getRunningNanos());
        }
        double seconds = wall / 1e9;
        double idle = clamp((sample.getIdleNanos() - before.getIdleNanos()) / (double) wall);
        double backpressured = clamp((sample.getBackpressuredNanos() - before.getBackpressuredNanos()) / (double) wall);
        double busy = clamp(1 - idle - backpressured);
        List<OperatorFigures> operators = new ArrayList<>();
        for (int i = 0; i < sample.getOperatorsCount(); i++) {
            OperatorMetrics o = sample.getOperators(i);
            OperatorMetrics b = i < before.getOperatorsCount() ? before.getOperators(i) : OperatorMetrics.getDefaultInstance();
            operators.add(new OperatorFigures(o.getName(), o.getRecordsIn(), o.getRecordsOut(),
                    (o.getRecordsIn() - b.getRecordsIn()) / seconds, (o.getRecordsOut() - b.getRecordsOut()) / seconds,
                    o.getHasWatermark() ? o.getWatermark() : null, o.getHasWatermark() ? o.getWatermarkLagMs() : null));
        }
        return new SubtaskMetrics(sample.getBytesIn(), sample.getBytesOut(),
                (sample.getRecordsIn() - before.getRecordsIn()) / seconds, (sample.getRecordsOut() - before.getRecordsOut()) / seconds,
                busy, idle, backpressured, List.copyOf(operators),
                new BufferFigures(sample.getOutputBuffers().getUsed(), sample.getOutputBuffers().getCapacity()),
                new BufferFigures(sample.getInputBuffers().getUsed(), sample.getInputBuffers().getCapacity()), sample);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
