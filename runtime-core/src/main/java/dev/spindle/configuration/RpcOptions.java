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

    public static final ConfigOption<Duration> KEEPALIVE_TIME = ConfigOptions.key("rpc.keepalive.time")
            .durationType().defaultValue(Duration.ofSeconds(30))
            .withDescription("Idle time after which RPC and data-exchange connections ping their peer (clients ping at most every 10 s).")
            .checkedBy(Range.atLeast(Duration.ofMillis(1)));

    public static final ConfigOption<Duration> KEEPALIVE_TIMEOUT = ConfigOptions.key("rpc.keepalive.timeout")
            .durationType().defaultValue(Duration.ofSeconds(20))
            .withDescription("How long a keepalive ping may go unanswered before the connection counts as dead and its calls fail.")
            .checkedBy(Range.atLeast(Duration.ofMillis(1)));

    public static final ConfigOption<Integer> MAX_MESSAGE_BYTES = ConfigOptions.key("rpc.max-message-size")
            .intType().defaultValue(256 * 1024 * 1024)
            .withDescription("Largest RPC message (a deployment carries the job graph), in bytes.")
            .checkedBy(Range.atLeast(1));
}
