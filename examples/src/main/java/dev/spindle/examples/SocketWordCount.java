package dev.spindle.examples;

import dev.spindle.api.StreamEnvironment;
import java.util.Set;

/**
 * Counts words of the lines arriving on a TCP socket and prints a running count per word. Start
 * a text server first, e.g. {@code nc -lk 9999}, then run with {@code --port 9999}.
 */
public final class SocketWordCount {

    static final String USAGE = "Usage: SocketWordCount [--host <host>] --port <port>";

    private SocketWordCount() {
    }

    public static void main(String[] args) throws Exception {
        Args params = Args.parse(args, Set.of("host", "port"), USAGE);
        if (!params.has("port")) {
            throw Args.bad("--port is required", USAGE);
        }
        String host = params.has("host") ? params.get("host") : "localhost";
        int port = (int) params.getLong("port", 0, USAGE);
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.socketTextStream(host, port)
                .flatMap(new Tokenizer()).name("Tokenizer")
                .keyBy(t -> t.f0)
                .sum(1)
                .print();
        env.execute("SocketWordCount " + host + ":" + port);
    }
}
