package dev.spindle.yarn.client.cluster;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.spindle.yarn.client.api.ProgressListener;

/**
 * Hands each printed line to a {@link ProgressListener}: for the pipeline executors and job
 * clients that report progress by printing (their bodies are kept as they are while the API
 * module is split out).
 */
public final class ProgressPrintStream extends PrintStream {

    public ProgressPrintStream(ProgressListener listener) {
        super(new LineSplitter(listener), true, StandardCharsets.UTF_8);
    }

    private static final class LineSplitter extends OutputStream {
        private final ProgressListener listener;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineSplitter(ProgressListener listener) {
            this.listener = listener;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                listener.progress(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else if (b != '\r') {
                line.write(b);
            }
        }
    }
}
