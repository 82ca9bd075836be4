package dev.spindle.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WaitTimerTest {

    @Test
    void aWaitInProgressCountsBeforeItEnds() throws Exception {
        WaitTimer timer = new WaitTimer();
        assertEquals(0, timer.totalNanos());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            long start = timer.begin();
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer.end(start);
        });
        waiter.start();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        long before = timer.totalNanos();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (timer.totalNanos() <= before) {
            assertTrue(System.nanoTime() < deadline, "the open wait grows");
            Thread.onSpinWait();
        }
        release.countDown();
        waiter.join();
        long done = timer.totalNanos();
        assertTrue(done >= before, done + " >= " + before);
        assertEquals(done, timer.totalNanos(), "nothing open any more: the total stands still");
    }
}
