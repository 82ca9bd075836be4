package dev.spindle.configuration;

/** How the runtime keeps state. */
public final class StateOptions {

    private StateOptions() {
    }

    public static final ConfigOption<String> TTL_TIME_PROVIDER = ConfigOptions.key("state.ttl.time-provider")
            .stringType().noDefaultValue()
            .withDescription("Class (with a no-argument constructor) implementing dev.spindle.runtime.state.TtlTimeProvider that "
                    + "state time-to-live is measured on; unset: the TaskExecutor's clock. A seam for tests that control expiry.");
}
