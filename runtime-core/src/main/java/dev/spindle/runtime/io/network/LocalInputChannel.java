package dev.spindle.runtime.io.network;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Semaphore;

/** Reads a subpartition produced in the same TaskExecutor directly, without the network. */
final class LocalInputChannel implements InputChannel {

    private final int index;
    private final PartitionKey key;
    private final int subpartition;
    private final ResultPartitionManager partitions;
    private final ChannelEvents gate;
    private final long requestTimeoutMillis;
    private final Semaphore credits;
    private Thread reader;

    LocalInputChannel(int index, PartitionKey key, int subpartition, ResultPartitionManager partitions, ChannelEvents gate,
            int credits, long requestTimeoutMillis) {
        this.index = index;
        this.key = key;
        this.subpartition = subpartition;
        this.partitions = partitions;
        this.gate = gate;
        this.credits = new Semaphore(credits);
        this.requestTimeoutMillis = requestTimeoutMillis;
    }

    @Override
    public void start() {
        reader = new Thread(this::run, "local-channel " + key + " sub " + subpartition);
        reader.setDaemon(true);
        reader.start();
    }

    private void run() {
        try {
            ResultPartition partition = partitions.await(key, requestTimeoutMillis);
            if (partition == null) {
                gate.onError(index, new IOException(key + " was not produced within " + requestTimeoutMillis
                        + " ms; raise taskmanager.network.partition-request.timeout if producers start slowly"));
                return;
            }
            Subpartition source = partition.subpartition(subpartition);
            long token = source.subscribe();
            while (true) {
                credits.acquire();
                ByteBuffer b = source.take(token);
                if (b == null) {
                    gate.onEnd(index);
                    return;
                }
                gate.onBuffer(index, b);
            }
        } catch (InterruptedException e) {
            // closed by the consumer
        } catch (IOException | RuntimeException e) {
            gate.onError(index, e);
        }
    }

    @Override
    public void onBufferConsumed() {
        credits.release();
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.interrupt();
        }
    }
}
