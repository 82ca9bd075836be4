package dev.spindle.runtime.rpc;

/** Where an RPC server listens. */
public record RpcAddress(String host, int port) {

    /** Parses {@code host:port}, as {@link #toString()} writes it. */
    public static RpcAddress parse(String hostAndPort) {
        String s = hostAndPort.trim();
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("not host:port: '" + hostAndPort + "'");
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not host:port (port is no number): '" + hostAndPort + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range in '" + hostAndPort + "'");
        }
        return new RpcAddress(s.substring(0, colon), port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
