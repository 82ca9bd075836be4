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
 */
public record SubtaskMetrics(long bytesIn, long bytesOut, double recordsInPerSecond, double recordsOutPerSecond,
        double busyRatio, double idleRatio, double backpressuredRatio, List<OperatorFigures> operators, TaskMetrics raw) {

    /** One operator of the chain: its records in and out, and their rates. */
    public record OperatorFigures(String name, long recordsIn, long recordsOut, double recordsInPerSecond, double recordsOutPerSecond) {
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
                    (o.getRecordsIn() - b.getRecordsIn()) / seconds, (o.getRecordsOut() - b.getRecordsOut()) / seconds));
        }
        return new SubtaskMetrics(sample.getBytesIn(), sample.getBytesOut(),
                (sample.getRecordsIn() - before.getRecordsIn()) / seconds, (sample.getRecordsOut() - before.getRecordsOut()) / seconds,
                busy, idle, backpressured, List.copyOf(operators), sample);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
