package dev.spindle.runtime.security;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Refuses every gRPC call that does not carry the cluster secret as {@code authorization: Bearer ...}. */
public final class SecretServerInterceptor implements ServerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(SecretServerInterceptor.class);

    private final ClusterSecret secret;
    private final RefusalLog refusals = new RefusalLog(LOG);

    public SecretServerInterceptor(ClusterSecret secret) {
        this.secret = secret;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String token = BearerToken.parse(headers.get(BearerToken.AUTHORIZATION_KEY));
        if (!secret.matches(token)) {
            refusals.refused(host(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)),
                    "RPC " + call.getMethodDescriptor().getFullMethodName(), "missing or wrong cluster secret");
            call.close(Status.UNAUTHENTICATED.withDescription("missing or wrong cluster secret"), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        return next.startCall(call, headers);
    }

    /** The remote host without its port: a client reconnecting gets a new port but is the same source. */
    private static String host(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(address);
    }
}
