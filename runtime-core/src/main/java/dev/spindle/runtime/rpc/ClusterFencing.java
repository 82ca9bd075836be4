package dev.spindle.runtime.rpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.function.Supplier;

/**
 * Fences a TaskExecutor off from ApplicationMaster attempts it no longer serves. Every attempt of an
 * application shares its secret, and a new attempt reuses the job ids, so an earlier attempt that is
 * cut off from YARN but still reaches a kept TaskExecutor could cancel or free the resumed job's
 * tasks. The cluster side names its own RPC address on every call; a TaskExecutor admits calls only
 * from the resource manager it is registered with now (whose job masters share its address).
 */
public final class ClusterFencing {

    /** The RPC address ({@code host:port}) of the cluster that makes a call. */
    public static final Metadata.Key<String> CLUSTER_ADDRESS_KEY = Metadata.Key.of("spindle-cluster-address",
            Metadata.ASCII_STRING_MARSHALLER);

    private ClusterFencing() {
    }

    /** Names {@code ownAddress} on every call (nothing while it is still null: the server is not up yet). */
    public static ClientInterceptor stamp(Supplier<RpcAddress> ownAddress) {
        return new ClientInterceptor() {
            @Override
            public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method, CallOptions options,
                    Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<RespT> listener, Metadata headers) {
                        RpcAddress own = ownAddress.get();
                        if (own != null) {
                            headers.put(CLUSTER_ADDRESS_KEY, own.toString());
                        }
                        super.start(listener, headers);
                    }
                };
            }
        };
    }

    /** Runs {@code first}, then {@code second}, on every call (either may be null). */
    public static ClientInterceptor both(ClientInterceptor first, ClientInterceptor second) {
        if (first == null) {
            return second;
        }
        if (second == null) {
            return first;
        }
        return new ClientInterceptor() {
            @Override
            public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method, CallOptions options,
                    Channel next) {
                return first.interceptCall(method, options, io.grpc.ClientInterceptors.intercept(next, second));
            }
        };
    }

    /**
     * Refuses, with FAILED_PRECONDITION, calls that name a cluster other than {@code current} (the
     * resource manager this process serves now); calls that name none (not from a cluster) pass.
     */
    public static ServerInterceptor admitOnly(Supplier<RpcAddress> current, String whoIsFenced) {
        return new ServerInterceptor() {
            @Override
            public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
                    ServerCallHandler<ReqT, RespT> next) {
                String caller = headers.get(CLUSTER_ADDRESS_KEY);
                RpcAddress now = current.get();
                if (caller != null && now != null && !caller.equals(now.toString())) {
                    call.close(Status.FAILED_PRECONDITION.withDescription(whoIsFenced + " serves the ApplicationMaster attempt at "
                            + now + " now, not the one at " + caller), new Metadata());
                    return new ServerCall.Listener<>() { };
                }
                return next.startCall(call, headers);
            }
        };
    }
}
