package dev.spindle.runtime.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay on loopback that records every byte in both directions: what someone on the
 * network between client and server would see.
 */
public final class RecordingRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final List<Socket> sockets = new ArrayList<>();
    private volatile boolean frozen;

    public RecordingRelay(int targetPort) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    Socket in = listener.accept();
                    Socket out = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    synchronized (sockets) {
                        sockets.add(in);
                        sockets.add(out);
                    }
                    pump(in, out);
                    pump(out, in);
                }
            } catch (IOException closed) {
                // relay closed
            }
        }, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (frozen) {
                        continue;
                    }
                    synchronized (captured) {
                        captured.write(buf, 0, n);
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed
            }
        }, "relay-pump");
        t.setDaemon(true);
        t.start();
    }

    /**
     * From now on drops every byte in both directions without closing any connection: a peer that
     * froze or a network that was cut, which neither side can tell from a quiet one.
     */
    public void freeze() {
        frozen = true;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public byte[] captured() {
        synchronized (captured) {
            return captured.toByteArray();
        }
    }

    /** Whether {@code needle} occurs anywhere in the captured bytes. */
    public boolean sawBytes(byte[] needle) {
        byte[] hay = captured();
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (sockets) {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
