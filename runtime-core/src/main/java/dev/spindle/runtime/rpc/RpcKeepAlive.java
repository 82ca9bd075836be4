package dev.spindle.runtime.rpc;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.RpcOptions;
import java.time.Duration;

/**
 * HTTP/2 keepalive of every RPC and data-exchange connection: without it a peer that vanished
 * without closing its TCP connection (a frozen host, a cut network) leaves calls and streams
 * without a deadline waiting forever.
 *
 * @param time idle time after which a connection pings its peer
 * @param timeout how long a ping may stay unanswered before the connection is closed and its calls fail
 */
public record RpcKeepAlive(Duration time, Duration timeout) {

    /** The settings of {@code rpc.keepalive.time} and {@code rpc.keepalive.timeout} in {@code configuration}. */
    public static RpcKeepAlive from(Configuration configuration) {
        return new RpcKeepAlive(configuration.get(RpcOptions.KEEPALIVE_TIME), configuration.get(RpcOptions.KEEPALIVE_TIMEOUT));
    }

    /** The default settings, for callers without a configuration. */
    public static RpcKeepAlive defaults() {
        return from(new Configuration());
    }
}
