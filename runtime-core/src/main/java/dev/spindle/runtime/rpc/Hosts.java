package dev.spindle.runtime.rpc;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Which host name to publish for a server bound to a given address. */
public final class Hosts {

    private Hosts() {
    }

    /** The bind host itself, or the local host name when bound to all interfaces. */
    public static String advertisedHost(String bindHost) {
        if (bindHost != null && !bindHost.isBlank() && !bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
            return bindHost;
        }
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
