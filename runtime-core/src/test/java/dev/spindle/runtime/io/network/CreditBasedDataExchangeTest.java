package dev.spindle.runtime.io.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.io.InputBuffer;
import dev.spindle.api.JobID;
import dev.spindle.runtime.rpc.RpcClients;
import dev.spindle.runtime.rpc.RpcServer;
import dev.spindle.runtime.security.ClusterSecret;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two TaskExecutors' data planes, each with its own RPC server on loopback. */
@Timeout(30)
class CreditBasedDataExchangeTest {

    private static final int QUEUE = 4;
    private static final int CREDITS = 2;

    private final ClusterSecret secret = ClusterSecret.generate();
    private RpcClients producerClients;
    private RpcClients consumerClients;
    private ShuffleEnvironment producerSide;
    private ShuffleEnvironment consumerSide;
    private RpcServer producerServer;
    private final JobID job = new JobID();

    @BeforeEach
    void start() throws IOException {
        Configuration conf = new Configuration();
        conf.setString("taskmanager.network.subpartition-buffers", String.valueOf(QUEUE));
        conf.setString("taskmanager.network.memory.buffers-per-channel", String.valueOf(CREDITS));
        conf.setString("taskmanager.network.partition-request.timeout", "3 s");
        producerClients = new RpcClients(secret, 1 << 20);
        consumerClients = new RpcClients(secret, 1 << 20);
        producerSide = new ShuffleEnvironment("producer-te", conf, producerClients);
        consumerSide = new ShuffleEnvironment("consumer-te", conf, consumerClients);
        producerServer = RpcServer.start("127.0.0.1", 0, secret, 1 << 20, List.of(producerSide.createDataExchangeService()));
    }

    @AfterEach
    void stop() {
        producerServer.kill();
        producerSide.close();
        consumerSide.close();
        producerClients.close();
        consumerClients.close();
    }

    private ProducerLocation producerLocation() {
        return new ProducerLocation("producer-te", "127.0.0.1", producerServer.getPort());
    }

    private static ByteBuffer buffer(long value) {
        return ByteBuffer.allocate(8).putLong(0, value);
    }

    private void slowConsumerBoundsProducer(ShuffleEnvironment consumerEnv, ProducerLocation location, long allowedInFlight)
            throws Exception {
        int count = 150;
        PartitionKey key = new PartitionKey(job, 0, 0, 0);
        ResultPartition partition = producerSide.createResultPartition(key, 1);
        NetworkInputGate gate = consumerEnv.createInputGate(job, 0, 0, List.of(new ShuffleEnvironment.ChannelSpec(0, 0, location)), "test");
        AtomicLong emitted = new AtomicLong();
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    partition.emit(0, buffer(i));
                    emitted.incrementAndGet();
                }
                partition.finish();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        long consumed = 0;
        long maxInFlight = 0;
        InputBuffer b;
        while ((b = gate.getNext()) != null) {
            assertEquals(consumed, b.data().getLong(0), "records arrive in order");
            consumed++;
            maxInFlight = Math.max(maxInFlight, emitted.get() - consumed);
            TimeUnit.MILLISECONDS.sleep(2); // a slow consumer
        }
        producer.get(10, TimeUnit.SECONDS);
        gate.close();
        assertEquals(count, consumed);
        assertTrue(maxInFlight <= allowedInFlight, "producer ran " + maxInFlight + " buffers ahead of the consumer");
        assertTrue(maxInFlight >= QUEUE, "the producer should have filled its queue, ran ahead only " + maxInFlight);
    }

    @Test
    void remoteChannelKeepsASlowConsumersBacklogBounded() throws Exception {
        // subpartition queue + credits granted to the producer + the one being counted
        slowConsumerBoundsProducer(consumerSide, producerLocation(), QUEUE + CREDITS + 1);
        assertEquals(1, consumerSide.getRemoteChannelCount());
        assertEquals(0, consumerSide.getLocalChannelCount());
    }

    @Test
    void localChannelReadsWithoutTheNetworkAndIsBoundedToo() throws Exception {
        producerServer.kill(); // a local channel must not need it
        slowConsumerBoundsProducer(producerSide, new ProducerLocation("producer-te", "127.0.0.1", 1), QUEUE + CREDITS + 1);
        assertEquals(1, producerSide.getLocalChannelCount());
        assertEquals(0, producerSide.getRemoteChannelCount());
    }

    @Test
    void consumerThatStartsBeforeItsProducerWaitsForIt() throws Exception {
        NetworkInputGate gate = consumerSide.createInputGate(job, 3, 1,
                List.of(new ShuffleEnvironment.ChannelSpec(2, 0, producerLocation())), "early");
        TimeUnit.MILLISECONDS.sleep(300); // the producer is deployed later
        ResultPartition partition = producerSide.createResultPartition(new PartitionKey(job, 3, 2, 1), 1);
        partition.emit(0, buffer(42));
        partition.finish();
        assertEquals(42, gate.getNext().data().getLong(0));
        assertNull(gate.getNext());
        gate.close();
    }

    @Test
    void aProducerThatNeverAppearsFailsTheConsumerAfterTheTimeout() throws Exception {
        NetworkInputGate gate = consumerSide.createInputGate(job, 0, 0,
                List.of(new ShuffleEnvironment.ChannelSpec(0, 0, producerLocation())), "orphan");
        IOException e = assertThrows(IOException.class, gate::getNext);
        assertTrue(e.getMessage().contains("taskmanager.network.partition-request.timeout"), e.getMessage());
        gate.close();
    }

    @Test
    void producerFailureReachesRemoteConsumer() throws Exception {
        ResultPartition partition = producerSide.createResultPartition(new PartitionKey(job, 0, 0, 0), 2);
        NetworkInputGate gate = consumerSide.createInputGate(job, 0, 0,
                List.of(new ShuffleEnvironment.ChannelSpec(0, 1, producerLocation())), "victim");
        partition.emit(1, buffer(7));
        assertEquals(7, gate.getNext().data().getLong(0));
        partition.release(new IllegalStateException("producer broke"));
        IOException e = assertThrows(IOException.class, gate::getNext);
        assertTrue(e.getMessage().contains("java.lang.IllegalStateException: producer broke"), e.getMessage());
        gate.close();
    }
}
