package dev.spindle.api.eventtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How a stream gets event timestamps and watermarks: a {@link WatermarkGenerator} per subtask and a
 * {@link TimestampAssigner}. Given to {@code DataStream.assignTimestampsAndWatermarks}.
 */
public interface WatermarkStrategy<T> extends WatermarkGeneratorSupplier<T> {

    /** The assigner of record timestamps; by default the record keeps the timestamp it carries. */
    default TimestampAssigner<T> createTimestampAssigner() {
        return (element, recordTimestamp) -> recordTimestamp;
    }

    /** This strategy with timestamps taken from each record by {@code assigner}. */
    default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> assigner) {
        Objects.requireNonNull(assigner, "timestamp assigner");
        WatermarkStrategy<T> base = this;
        return new WatermarkStrategy<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(Context context) {
                return base.createWatermarkGenerator(context);
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner() {
                return assigner;
            }
        };
    }

    /** This strategy, marking the input idle after {@code idleTimeout} without records (see {@link WatermarksWithIdleness}). */
    default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
        Objects.requireNonNull(idleTimeout, "idle timeout");
        WatermarkStrategy<T> base = this;
        return new WatermarkStrategy<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(Context context) {
                return new WatermarksWithIdleness<>(base.createWatermarkGenerator(context), idleTimeout);
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner() {
                return base.createTimestampAssigner();
            }
        };
    }

    /** Watermarks for timestamps that never decrease. */
    static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return context -> new AscendingTimestampsWatermarks<>();
    }

    /** Watermarks for events out of order by at most {@code maxOutOfOrderness}. */
    static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        Objects.requireNonNull(maxOutOfOrderness, "max out-of-orderness");
        return context -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
    }

    /** Watermarks from a user generator (periodic, punctuated or both). */
    static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> generatorSupplier) {
        Objects.requireNonNull(generatorSupplier, "watermark generator supplier");
        return generatorSupplier::createWatermarkGenerator;
    }

    /** No watermarks: for streams processed in processing time (timestamps may still be assigned). */
    static <T> WatermarkStrategy<T> noWatermarks() {
        return context -> new NoWatermarksGenerator<>();
    }
}
