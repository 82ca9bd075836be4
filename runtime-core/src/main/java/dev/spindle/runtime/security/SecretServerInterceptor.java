package dev.spindle.runtime.security;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Refuses every gRPC call that does not carry the cluster secret as {@code authorization: Bearer ...}. */
public final class SecretServerInterceptor implements ServerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(SecretServerInterceptor.class);

    private final ClusterSecret secret;

    public SecretServerInterceptor(ClusterSecret secret) {
        this.secret = secret;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String token = BearerToken.parse(headers.get(BearerToken.AUTHORIZATION_KEY));
        if (!secret.matches(token)) {
            LOG.warn("Refused RPC {} from {}: missing or wrong cluster secret", call.getMethodDescriptor().getFullMethodName(),
                    call.getAttributes().get(io.grpc.Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
            call.close(Status.UNAUTHENTICATED.withDescription("missing or wrong cluster secret"), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        return next.startCall(call, headers);
    }
}
