package dev.spindle.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spindle.runtime.rpc.proto.ConsumerMessage;
import dev.spindle.runtime.rpc.proto.DataExchangeServiceGrpc;
import dev.spindle.runtime.rpc.proto.PartitionRequest;
import dev.spindle.runtime.rpc.proto.ProducerMessage;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.testing.RecordingRelay;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A peer that vanishes without closing its connection is found out by keepalive pings, on both ends of a stream. */
@Timeout(60)
class RpcKeepAliveTest {

    /** Takes one request and then waits, as a producer with nothing to send yet does. */
    private static final class WaitingProducer extends DataExchangeServiceGrpc.DataExchangeServiceImplBase {
        final CompletableFuture<Void> requested = new CompletableFuture<>();
        final CompletableFuture<Void> consumerGone = new CompletableFuture<>();

        @Override
        public StreamObserver<ConsumerMessage> exchange(StreamObserver<ProducerMessage> out) {
            ((ServerCallStreamObserver<ProducerMessage>) out).setOnCancelHandler(() -> consumerGone.complete(null));
            return new StreamObserver<>() {
                @Override
                public void onNext(ConsumerMessage value) {
                    requested.complete(null);
                }

                @Override
                public void onError(Throwable t) {
                    consumerGone.complete(null);
                }

                @Override
                public void onCompleted() {
                }
            };
        }
    }

    @Test
    void aStreamWithoutDeadlineFailsOnBothEndsOnceThePeerStopsAnswering() throws Exception {
        ClusterSecret secret = ClusterSecret.generate();
        WaitingProducer producer = new WaitingProducer();
        RpcKeepAlive fastServer = new RpcKeepAlive(Duration.ofMillis(300), Duration.ofMillis(300));
        // a client pings at most every 10 s, whatever it is told
        RpcKeepAlive client = new RpcKeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (RpcServer server = RpcServer.start("127.0.0.1", 0, secret, 1 << 20, List.of(producer), fastServer);
                RecordingRelay network = new RecordingRelay(server.getPort());
                RpcClients clients = new RpcClients(secret, 1 << 20, null, client)) {
            CompletableFuture<Status> consumerSaw = new CompletableFuture<>();
            StreamObserver<ConsumerMessage> requests = DataExchangeServiceGrpc.newStub(clients.channel("127.0.0.1", network.port()))
                    .exchange(new StreamObserver<>() {
                        @Override
                        public void onNext(ProducerMessage value) {
                        }

                        @Override
                        public void onError(Throwable t) {
                            consumerSaw.complete(Status.fromThrowable(t));
                        }

                        @Override
                        public void onCompleted() {
                            consumerSaw.complete(Status.OK);
                        }
                    });
            requests.onNext(ConsumerMessage.newBuilder().setRequest(PartitionRequest.newBuilder().setJobId("j")).build());
            try {
                producer.requested.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the request never reached the server; the client saw " + consumerSaw.getNow(null)
                        + (consumerSaw.isDone() ? " " + consumerSaw.join().getDescription() + " " + consumerSaw.join().getCause() : ""), e);
            }

            network.freeze();

            producer.consumerGone.get(40, TimeUnit.SECONDS);
            assertEquals(Status.Code.UNAVAILABLE, consumerSaw.get(30, TimeUnit.SECONDS).getCode());
        }
    }
}
