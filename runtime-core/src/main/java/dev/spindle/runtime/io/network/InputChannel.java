package dev.spindle.runtime.io.network;

/** One producer subtask's subpartition as read by a consumer's {@link NetworkInputGate}. */
interface InputChannel {

    /** Starts fetching; buffers, the end and failures are pushed to the gate. */
    void start();

    /** The gate handed one of this channel's buffers to the task: one more buffer is free. */
    void onBufferConsumed();

    void close();
}
