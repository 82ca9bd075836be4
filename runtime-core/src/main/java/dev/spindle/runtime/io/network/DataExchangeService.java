package dev.spindle.runtime.io.network;

import com.google.protobuf.ByteString;
import dev.spindle.api.JobID;
import dev.spindle.runtime.rpc.Failures;
import dev.spindle.runtime.rpc.proto.ConsumerMessage;
import dev.spindle.runtime.rpc.proto.DataExchangeServiceGrpc;
import dev.spindle.runtime.rpc.proto.PartitionRequest;
import dev.spindle.runtime.rpc.proto.ProducerMessage;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer side of remote channels: streams one subpartition to a consumer, sending at most as
 * many buffers as the consumer granted credits.
 */
public final class DataExchangeService extends DataExchangeServiceGrpc.DataExchangeServiceImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(DataExchangeService.class);

    private final ResultPartitionManager partitions;
    private final ExecutorService senders;

    public DataExchangeService(ResultPartitionManager partitions, ExecutorService senders) {
        this.partitions = partitions;
        this.senders = senders;
    }

    @Override
    public StreamObserver<ConsumerMessage> exchange(StreamObserver<ProducerMessage> responses) {
        return new Exchange((ServerCallStreamObserver<ProducerMessage>) responses);
    }

    private final class Exchange implements StreamObserver<ConsumerMessage> {

        private final ServerCallStreamObserver<ProducerMessage> out;
        private int credits;
        private boolean cancelled;
        private Thread sender;

        Exchange(ServerCallStreamObserver<ProducerMessage> out) {
            this.out = out;
            out.setOnCancelHandler(this::cancel);
        }

        @Override
        public void onNext(ConsumerMessage m) {
            switch (m.getKindCase()) {
                case REQUEST -> start(m.getRequest());
                case CREDIT -> addCredit(m.getCredit());
                default -> {
                }
            }
        }

        private void start(PartitionRequest r) {
            PartitionKey key = new PartitionKey(JobID.fromHexString(r.getJobId()), r.getEdgeIndex(), r.getProducerSubtask(), r.getAttempt());
            ResultPartition partition = partitions.lookup(key);
            if (partition == null) {
                out.onNext(ProducerMessage.newBuilder().setPartitionNotFound(true).build());
                out.onCompleted();
                return;
            }
            Subpartition source;
            try {
                source = partition.subpartition(r.getSubpartition());
            } catch (IllegalArgumentException e) {
                out.onNext(ProducerMessage.newBuilder().setProducerFailure(Failures.toInfo(e)).build());
                out.onCompleted();
                return;
            }
            // fences an earlier stream of this subpartition before this one drains anything
            long token = source.subscribe();
            addCredit(r.getInitialCredit());
            senders.execute(() -> send(key, source, token));
        }

        private void send(PartitionKey key, Subpartition source, long token) {
            synchronized (this) {
                if (cancelled) {
                    return;
                }
                sender = Thread.currentThread();
            }
            try {
                while (true) {
                    synchronized (this) {
                        while (credits == 0 && !cancelled) {
                            wait();
                        }
                        if (cancelled) {
                            return;
                        }
                        credits--;
                    }
                    ByteBuffer b = source.take(token);
                    if (b == null) {
                        out.onNext(ProducerMessage.newBuilder().setEndOfPartition(true).build());
                        out.onCompleted();
                        return;
                    }
                    out.onNext(ProducerMessage.newBuilder().setBuffer(ByteString.copyFrom(b)).build());
                }
            } catch (InterruptedException e) {
                // consumer went away
            } catch (ProducerFailedException e) {
                sendFailure(e.getCause());
            } catch (SubscriptionSupersededException e) {
                LOG.info("Stream of {} closed: its consumer requested it again", key);
                try {
                    out.onError(io.grpc.Status.ABORTED.withDescription(e.getMessage()).asRuntimeException());
                } catch (RuntimeException gone) {
                    // the old consumer is gone already
                }
            } catch (Exception e) {
                LOG.debug("Streaming {} ended: {}", key, e.toString());
                sendFailure(e);
            } finally {
                synchronized (this) {
                    sender = null;
                }
                Thread.interrupted();
            }
        }

        private void sendFailure(Throwable cause) {
            try {
                out.onNext(ProducerMessage.newBuilder().setProducerFailure(Failures.toInfo(cause)).build());
                out.onCompleted();
            } catch (RuntimeException ignored) {
                // the consumer is gone already
            }
        }

        private synchronized void addCredit(int n) {
            credits += n;
            notifyAll();
        }

        private synchronized void cancel() {
            cancelled = true;
            notifyAll();
            if (sender != null) {
                sender.interrupt();
            }
        }

        @Override
        public void onError(Throwable t) {
            cancel();
        }

        @Override
        public void onCompleted() {
        }
    }
}
