package dev.spindle.yarn.client.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.yarn.client.api.ApplicationStatus;
import dev.spindle.yarn.client.api.ClusterClient;

/**
 * An attached {@code yarn-session.sh}: stays until the user types stop/quit (stops the session),
 * detaches (end of input, or Ctrl-C then d) or the session ends.
 */
final class SessionConsole {

    private static final Logger LOG = LoggerFactory.getLogger(SessionConsole.class);
    private static final String EOF = "\u0000eof";

    private final ClusterClient client;
    private final PrintStream out;

    SessionConsole(ClusterClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    /** Runs the console on the running session; returns the exit code. */
    int attach(ApplicationStatus session) throws Exception {
        String id = session.applicationId();
        out.println("Attached to session " + id + " (web UI: " + session.trackingUrl() + "). Type 'stop' (or 'quit') to"
                + " stop the session; end input (Ctrl-D) to detach and leave it running.");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(lines), "session-console");
        reader.setDaemon(true);
        reader.start();
        InterruptHandler.install(lines);
        try {
            while (true) {
                ApplicationStatus now = client.status();
                if (now.ended()) {
                    out.println("Session " + id + " ended: " + now.finalStatus() + " " + now.diagnostics());
                    return now.succeeded() ? 0 : 1;
                }
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line == null) {
                    continue;
                }
                // The markers are compared before trimming: trim() would strip their leading NUL.
                String command = line.equals(EOF) ? EOF : line.trim().toLowerCase(Locale.ROOT);
                if (line.equals(InterruptHandler.INTERRUPTED)) {
                    out.println("Stop the session (s) or only detach and leave it running (d)? [d]");
                    String answer = lines.poll(60, TimeUnit.SECONDS);
                    command = answer != null && !answer.equals(EOF) && answer.trim().toLowerCase(Locale.ROOT).startsWith("s")
                            ? "stop" : EOF;
                }
                switch (command) {
                    case "stop", "quit" -> {
                        return SessionCli.stop(client, out, out);
                    }
                    case EOF -> {
                        out.println("Detached; session " + id + " keeps running. Stop it with 'yarn-session.sh -id " + id
                                + " --stop'.");
                        return 0;
                    }
                    case "" -> {
                    }
                    default -> out.println("Unknown command '" + line.trim() + "'; type 'stop' or 'quit' to stop the session.");
                }
            }
        } finally {
            InterruptHandler.uninstall();
        }
    }

    private static void readLines(BlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            LOG.debug("Console input ended: {}", e.toString());
        }
        lines.add(EOF);
    }

    /**
     * Ctrl-C while attached: instead of dying (and leaving the user unsure whether the session
     * still runs), the console asks whether to stop or detach.
     */
    private static final class InterruptHandler {
        static final String INTERRUPTED = "\u0000interrupted";
        private static sun.misc.SignalHandler previous;

        static synchronized void install(BlockingQueue<String> lines) {
            try {
                previous = sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> lines.add(INTERRUPTED));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                LOG.debug("Cannot handle Ctrl-C here: {}", e.toString());
            }
        }

        static synchronized void uninstall() {
            if (previous != null) {
                sun.misc.Signal.handle(new sun.misc.Signal("INT"), previous);
                previous = null;
            }
        }
    }
}
