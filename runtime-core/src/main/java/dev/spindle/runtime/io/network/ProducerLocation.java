package dev.spindle.runtime.io.network;

/** Where a producer subtask runs: its TaskExecutor's id and RPC (data exchange) address. */
public record ProducerLocation(String resourceId, String host, int port) {
}
