package dev.spindle.runtime.state;

/** The clock state time-to-live is measured on; a seam so tests can control expiry. */
@FunctionalInterface
public interface TtlTimeProvider {

    /** The processing time of the TaskExecutor's clock. */
    TtlTimeProvider SYSTEM = System::currentTimeMillis;

    /** Now, in milliseconds. */
    long currentTimestamp();
}
