package dev.spindle.configuration;

import dev.spindle.api.RuntimeMode;
import java.time.Duration;

/** Options of how a job's operators run and exchange records. */
public final class ExecutionOptions {

    private ExecutionOptions() {
    }

    public static final ConfigOption<RuntimeMode> RUNTIME_MODE = ConfigOptions.key("execution.runtime-mode")
            .enumType(RuntimeMode.class).defaultValue(RuntimeMode.AUTOMATIC)
            .withDescription("STREAMING, BATCH, or AUTOMATIC (BATCH when every source is bounded).");

    public static final ConfigOption<Duration> BUFFER_TIMEOUT = ConfigOptions.key("execution.buffer-timeout")
            .durationType().defaultValue(Duration.ofMillis(100))
            .withDescription("Longest time a partly filled output buffer waits before it is sent; 0 sends after every record.")
            .checkedBy(Range.atLeast(Duration.ZERO));
}
