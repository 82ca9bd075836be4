package dev.spindle.runtime.streamtask;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends partly filled output buffers every buffer timeout, so records of slow streams still move on. */
final class OutputFlusher extends Thread {

    private static final Logger LOG = LoggerFactory.getLogger(OutputFlusher.class);

    private final List<RecordWriter> writers;
    private final long intervalMillis;
    private volatile boolean running = true;

    OutputFlusher(String taskName, List<RecordWriter> writers, long intervalMillis) {
        super("OutputFlusher for " + taskName);
        setDaemon(true);
        this.writers = writers;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void run() {
        try {
            while (running) {
                // A periodic timer: there is no condition to wait on, only the passing of the timeout.
                Thread.sleep(intervalMillis);
                for (RecordWriter writer : writers) {
                    writer.flushAll();
                }
            }
        } catch (InterruptedException e) {
            // stopped
        } catch (Exception e) {
            // The task thread hits the same failure on its next emit and reports it.
            LOG.debug("{} stopped: {}", getName(), e.toString());
        }
    }

    void shutdown() {
        running = false;
        interrupt();
    }
}
