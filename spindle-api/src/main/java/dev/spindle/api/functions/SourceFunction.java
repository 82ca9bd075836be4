package dev.spindle.api.functions;

/**
 * A user source: {@link #run} emits records until it returns (bounded) or until {@link #cancel}
 * is called from another thread (unbounded sources must then return promptly).
 */
public interface SourceFunction<T> extends Function {

    void run(SourceContext<T> ctx) throws Exception;

    /** Asks {@link #run} to return soon; called from another thread, must not block. */
    void cancel();

    /** Whether {@link #run} returns by itself; decides the AUTOMATIC runtime mode. */
    default boolean isBounded() {
        return false;
    }

    /** Where a source emits its records. */
    interface SourceContext<T> {

        /** Emits a record downstream (without an event timestamp); call it only from the thread running {@link SourceFunction#run}. */
        void collect(T record);

        /** Emits a record with event timestamp {@code timestamp} (ms), for sources that know their records' event time. */
        void collectWithTimestamp(T record, long timestamp);

        /**
         * Emits a watermark: no record with a timestamp at or below it follows. Watermarks that do not
         * advance are dropped; a source that ends emits the final watermark by itself.
         */
        void emitWatermark(dev.spindle.api.eventtime.Watermark watermark);

        /**
         * Says this source emits nothing for now: downstream operators stop waiting for its watermark.
         * The next record or watermark makes it active again.
         */
        void markAsTemporarilyIdle();

        /**
         * The lock a checkpoint takes to put its barrier between two records: emit a record and
         * advance the position your source checkpoints inside {@code synchronized (getCheckpointLock())},
         * so a snapshot never sees a position that does not match the records emitted.
         */
        Object getCheckpointLock();
    }
}
