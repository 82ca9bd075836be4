package dev.spindle.runtime.streamtask;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends partly filled output buffers every buffer timeout, so records of slow streams still move on.
 * A normal {@link #stop} lets a flush in progress complete (interrupting it would drop the buffer
 * being handed over); {@link #abort} interrupts, for failure and cancel, where data may be lost.
 */
final class OutputFlusher extends Thread {

    private static final Logger LOG = LoggerFactory.getLogger(OutputFlusher.class);

    private final List<RecordWriter> writers;
    private final long intervalMillis;
    private final Object lock = new Object();
    private boolean running = true;

    OutputFlusher(String taskName, List<RecordWriter> writers, long intervalMillis) {
        super("OutputFlusher for " + taskName);
        setDaemon(true);
        this.writers = writers;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void run() {
        try {
            while (true) {
                synchronized (lock) {
                    long wakeUp = System.currentTimeMillis() + intervalMillis;
                    long now;
                    while (running && (now = System.currentTimeMillis()) < wakeUp) {
                        lock.wait(wakeUp - now);
                    }
                    if (!running) {
                        return;
                    }
                }
                for (RecordWriter writer : writers) {
                    writer.flushAll();
                }
            }
        } catch (InterruptedException e) {
            // aborted
        } catch (Exception e) {
            // The task thread hits the same failure on its next emit and reports it.
            LOG.debug("{} stopped: {}", getName(), e.toString());
        }
    }

    /** Stops after the flush in progress, if any, and waits for that. */
    void stopAndJoin() throws InterruptedException {
        synchronized (lock) {
            running = false;
            lock.notifyAll();
        }
        join();
    }

    /** Stops at once, interrupting a flush blocked on a slow consumer. */
    void abort() {
        synchronized (lock) {
            running = false;
            lock.notifyAll();
        }
        interrupt();
    }
}
