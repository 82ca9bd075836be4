package dev.spindle.runtime.io.network;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.NetworkOptions;
import dev.spindle.api.JobID;
import dev.spindle.runtime.rpc.RpcClients;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data plane of one TaskExecutor: creates result partitions for producers and input gates for
 * consumers, choosing a local channel when the producer runs in this TaskExecutor and a remote
 * (DataExchange gRPC) channel otherwise.
 */
public final class ShuffleEnvironment implements AutoCloseable {

    /** One channel of a gate: producer subtask {@code producerSubtask}'s subpartition {@code subpartition}. */
    public record ChannelSpec(int producerSubtask, int subpartition, ProducerLocation location) {
    }

    private final String localResourceId;
    private final ResultPartitionManager partitions = new ResultPartitionManager();
    private final RpcClients rpcClients;
    private final int queueCapacity;
    private final int credits;
    private final long requestTimeoutMillis;
    private final ScheduledExecutorService retryScheduler;
    private final ExecutorService senders;
    private final AtomicLong localChannels = new AtomicLong();
    private final AtomicLong remoteChannels = new AtomicLong();

    public ShuffleEnvironment(String localResourceId, Configuration configuration, RpcClients rpcClients) {
        this.localResourceId = localResourceId;
        this.rpcClients = rpcClients;
        this.queueCapacity = positive(configuration, NetworkOptions.SUBPARTITION_QUEUE_BUFFERS);
        this.credits = positive(configuration, NetworkOptions.BUFFERS_PER_CHANNEL);
        this.requestTimeoutMillis = configuration.get(NetworkOptions.PARTITION_REQUEST_TIMEOUT).toMillis();
        AtomicInteger n = new AtomicInteger();
        this.retryScheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "partition-request-retry " + localResourceId));
        this.senders = Executors.newCachedThreadPool(r -> daemon(r, "data-sender-" + n.incrementAndGet() + " " + localResourceId));
    }

    private static int positive(Configuration conf, dev.spindle.configuration.ConfigOption<Integer> option) {
        int v = conf.get(option);
        if (v < 1) {
            throw new IllegalArgumentException(option.key() + " must be at least 1, was " + v);
        }
        return v;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public DataExchangeService createDataExchangeService() {
        return new DataExchangeService(partitions, senders);
    }

    public ResultPartition createResultPartition(PartitionKey key, int numSubpartitions) {
        return partitions.create(key, numSubpartitions, queueCapacity);
    }

    /** Creates and starts a gate reading the given channels of edge {@code edgeIndex}. */
    public NetworkInputGate createInputGate(JobID jobId, int edgeIndex, int attempt, List<ChannelSpec> channels, String description) {
        NetworkInputGate gate = new NetworkInputGate(description, credits);
        for (int i = 0; i < channels.size(); i++) {
            ChannelSpec c = channels.get(i);
            PartitionKey key = new PartitionKey(jobId, edgeIndex, c.producerSubtask(), attempt);
            if (c.location().resourceId().equals(localResourceId)) {
                localChannels.incrementAndGet();
                gate.addChannel(new LocalInputChannel(i, key, c.subpartition(), partitions, gate, credits, requestTimeoutMillis));
            } else {
                remoteChannels.incrementAndGet();
                gate.addChannel(new RemoteInputChannel(i, key, c.subpartition(),
                        rpcClients.channel(c.location().host(), c.location().port()),
                        c.location().host() + ":" + c.location().port(), gate, credits, requestTimeoutMillis, retryScheduler));
            }
        }
        gate.start();
        return gate;
    }

    public void releaseJob(JobID jobId, Throwable cause) {
        partitions.releaseJob(jobId, cause);
    }

    public ResultPartitionManager getPartitionManager() {
        return partitions;
    }

    /** Local channels created so far (producer in this TaskExecutor). */
    public long getLocalChannelCount() {
        return localChannels.get();
    }

    /** Remote channels created so far (producer in another TaskExecutor). */
    public long getRemoteChannelCount() {
        return remoteChannels.get();
    }

    @Override
    public void close() {
        retryScheduler.shutdownNow();
        senders.shutdownNow();
    }
}
