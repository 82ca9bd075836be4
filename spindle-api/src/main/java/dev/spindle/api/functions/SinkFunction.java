package dev.spindle.api.functions;

/**
 * Consumes the records of a stream. Implement {@link RichFunction} as well for open/close, and
 * {@link #finish()} to commit what was written once all input arrived.
 */
@FunctionalInterface
public interface SinkFunction<T> extends Function {

    void invoke(T value) throws Exception;

    /** Called once after the last record when the subtask ends successfully (not on failure or cancel). */
    default void finish() throws Exception {
    }
}
