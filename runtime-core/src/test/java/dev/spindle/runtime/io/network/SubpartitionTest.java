package dev.spindle.runtime.io.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SubpartitionTest {

    @Test
    void aNewSubscriptionFencesTheReaderBeforeItSoNoBufferIsDrainedByTwoStreams() throws Exception {
        Subpartition sub = new Subpartition(4, () -> { });
        long first = sub.subscribe();
        // the first stream waits for data, as a stream whose consumer then asked again would
        CompletableFuture<ByteBuffer> firstTake = CompletableFuture.supplyAsync(() -> {
            try {
                return sub.take(first);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });

        long second = sub.subscribe();
        ExecutionException stopped = assertThrows(ExecutionException.class, () -> firstTake.get(10, TimeUnit.SECONDS));
        assertInstanceOf(SubscriptionSupersededException.class, stopped.getCause());

        sub.add(ByteBuffer.wrap(new byte[] {1}));
        sub.add(ByteBuffer.wrap(new byte[] {2}));
        sub.finish();
        assertThrows(SubscriptionSupersededException.class, () -> sub.take(first));
        assertEquals(1, sub.take(second).get());
        assertEquals(2, sub.take(second).get());
        assertNull(sub.take(second));
    }
}
