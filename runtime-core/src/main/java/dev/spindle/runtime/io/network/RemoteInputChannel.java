package dev.spindle.runtime.io.network;

import dev.spindle.runtime.rpc.Failures;
import dev.spindle.runtime.rpc.proto.ConsumerMessage;
import dev.spindle.runtime.rpc.proto.DataExchangeServiceGrpc;
import dev.spindle.runtime.rpc.proto.PartitionRequest;
import dev.spindle.runtime.rpc.proto.ProducerMessage;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a subpartition of another TaskExecutor over a DataExchange stream. It grants the producer
 * one credit per free buffer, so the producer never sends more than the consumer can hold. A
 * producer that is not deployed yet is asked again with back-off until the request timeout.
 */
final class RemoteInputChannel implements InputChannel {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteInputChannel.class);

    private final int index;
    private final PartitionKey key;
    private final int subpartition;
    private final Channel rpcChannel;
    private final String producerAddress;
    private final ChannelEvents gate;
    private final int initialCredit;
    private final long deadlineMillis;
    private final ScheduledExecutorService retryScheduler;
    private long backoffMillis = 10;
    private StreamObserver<ConsumerMessage> requests;
    private volatile boolean closed;
    private boolean ended;

    RemoteInputChannel(int index, PartitionKey key, int subpartition, Channel rpcChannel, String producerAddress, ChannelEvents gate,
            int initialCredit, long requestTimeoutMillis, ScheduledExecutorService retryScheduler) {
        this.index = index;
        this.key = key;
        this.subpartition = subpartition;
        this.rpcChannel = rpcChannel;
        this.producerAddress = producerAddress;
        this.gate = gate;
        this.initialCredit = initialCredit;
        this.deadlineMillis = System.currentTimeMillis() + requestTimeoutMillis;
        this.retryScheduler = retryScheduler;
    }

    @Override
    public void start() {
        requestPartition();
    }

    private synchronized void requestPartition() {
        if (closed) {
            return;
        }
        requests = DataExchangeServiceGrpc.newStub(rpcChannel).exchange(new Responses());
        requests.onNext(ConsumerMessage.newBuilder().setRequest(PartitionRequest.newBuilder()
                .setJobId(key.jobId().toHexString())
                .setEdgeIndex(key.edgeIndex())
                .setProducerSubtask(key.producerSubtask())
                .setAttempt(key.attempt())
                .setSubpartition(subpartition)
                .setInitialCredit(initialCredit)).build());
    }

    private void retryOrFail(String why, Throwable cause) {
        if (closed) {
            return;
        }
        if (System.currentTimeMillis() + backoffMillis > deadlineMillis) {
            gate.onError(index, new IOException("could not read " + key + " from " + producerAddress + ": " + why
                    + "; raise taskmanager.network.partition-request.timeout if producers start slowly", cause));
            return;
        }
        LOG.debug("Retrying request of {} from {} in {} ms: {}", key, producerAddress, backoffMillis, why);
        try {
            retryScheduler.schedule(this::requestPartition, backoffMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            gate.onError(index, new IOException("could not read " + key + ": the TaskExecutor is shutting down", e));
            return;
        }
        backoffMillis = Math.min(backoffMillis * 2, 1000);
    }

    @Override
    public synchronized void onBufferConsumed() {
        if (!closed && !ended && requests != null) {
            requests.onNext(ConsumerMessage.newBuilder().setCredit(1).build());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (requests instanceof ClientCallStreamObserver<ConsumerMessage> call && !ended) {
            call.cancel("consumer closed", null);
        }
    }

    private final class Responses implements ClientResponseObserver<ConsumerMessage, ProducerMessage> {

        private boolean receivedAny;

        @Override
        public void beforeStart(ClientCallStreamObserver<ConsumerMessage> requestStream) {
        }

        @Override
        public void onNext(ProducerMessage m) {
            switch (m.getKindCase()) {
                case BUFFER -> {
                    receivedAny = true;
                    gate.onBuffer(index, m.getBuffer().asReadOnlyByteBuffer());
                }
                case END_OF_PARTITION -> {
                    synchronized (RemoteInputChannel.this) {
                        ended = true;
                    }
                    gate.onEnd(index);
                }
                case PRODUCER_FAILURE -> {
                    synchronized (RemoteInputChannel.this) {
                        ended = true;
                    }
                    gate.onError(index, new ProducerFailedException(Failures.fromInfo(m.getProducerFailure())));
                }
                case PARTITION_NOT_FOUND -> {
                    synchronized (RemoteInputChannel.this) {
                        ended = true;
                    }
                    retryAfterNotFound();
                }
                default -> gate.onError(index, new IOException("unexpected message from producer " + producerAddress + ": " + m));
            }
        }

        private void retryAfterNotFound() {
            synchronized (RemoteInputChannel.this) {
                ended = false;
            }
            retryOrFail("the producer has not registered the partition", null);
        }

        @Override
        public void onError(Throwable t) {
            if (closed) {
                return;
            }
            Status status = Status.fromThrowable(t);
            if (!receivedAny && status.getCode() == Status.Code.UNAVAILABLE) {
                retryOrFail("producer unreachable (" + status.getDescription() + ")", t);
            } else if (!ended) {
                gate.onError(index, new IOException("connection to producer " + producerAddress + " of " + key + " broke: " + status, t));
            }
        }

        @Override
        public void onCompleted() {
        }
    }
}
