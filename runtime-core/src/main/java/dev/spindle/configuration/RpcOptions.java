package dev.spindle.configuration;

import java.time.Duration;

/** The gRPC control plane between JobManager and TaskExecutors. */
public final class RpcOptions {

    private RpcOptions() {
    }

    public static final ConfigOption<Integer> PORT = ConfigOptions.key("rpc.port")
            .intType().defaultValue(0)
            .withDescription("Port of the JobManager's RPC server; 0 picks a free one.")
            .checkedBy(Range.between(0, 65535));

    public static final ConfigOption<Duration> ASK_TIMEOUT = ConfigOptions.key("rpc.ask-timeout")
            .durationType().defaultValue(Duration.ofSeconds(10))
            .withDescription("Deadline of one control RPC call (deploy, cancel, offer, ...).")
            .checkedBy(Range.atLeast(Duration.ofMillis(1)));

    public static final ConfigOption<Integer> MAX_MESSAGE_BYTES = ConfigOptions.key("rpc.max-message-size")
            .intType().defaultValue(256 * 1024 * 1024)
            .withDescription("Largest RPC message (a deployment carries the job graph), in bytes.")
            .checkedBy(Range.atLeast(1));
}
