package dev.spindle.runtime.operators.sources;

import dev.spindle.api.functions.SourceFunction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads lines from a TCP socket until the other side closes it; runs with parallelism 1. */
public final class SocketTextSource implements SourceFunction<String>, dev.spindle.runtime.operators.NonReplayableSource {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SocketTextSource.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final String host;
    private final int port;
    private transient volatile Socket socket;
    private transient volatile boolean canceled;

    public SocketTextSource(String host, int port) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("socketTextStream needs a host name");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("socketTextStream port must be in 1..65535, was " + port);
        }
        this.host = host;
        this.port = port;
    }

    @Override
    public void run(SourceContext<String> ctx) throws Exception {
        Socket s = new Socket();
        socket = s;
        try {
            try {
                s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            } catch (IOException e) {
                if (canceled) {
                    return;
                }
                // No cause attached: the message says all, and it is what the user sees as the job's root cause.
                throw new IOException("socketTextStream could not connect to " + host + ":" + port + " (" + e
                        + "). Start a server there first, e.g. 'nc -lk " + port + "', or fix the host and port");
            }
            LOG.info("socketTextStream connected to {}:{}", host, port);
            BufferedReader reader = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while (!canceled && (line = reader.readLine()) != null) {
                ctx.collect(line);
            }
            LOG.info("socketTextStream from {}:{} ended ({})", host, port, canceled ? "canceled" : "closed by peer");
        } catch (IOException e) {
            if (!canceled) {
                throw e;
            }
        } finally {
            s.close();
        }
    }

    @Override
    public void cancel() {
        canceled = true;
        Socket s = socket;
        if (s != null) {
            try {
                // unblocks a pending read
                s.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
        }
    }
}
