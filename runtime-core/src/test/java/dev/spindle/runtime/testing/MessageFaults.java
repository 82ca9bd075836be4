package dev.spindle.runtime.testing;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.MethodDescriptor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Injects network faults into a process's outgoing RPCs: per gRPC method, a rule sees each request
 * and returns it (sent as is), another message (sent instead), or null (the call is lost: the caller
 * sees it fail as if the peer were unreachable). Counts what it dropped per method.
 */
public final class MessageFaults implements ClientInterceptor {

    private final Map<String, UnaryOperator<Object>> rules = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> dropped = new ConcurrentHashMap<>();

    /** Applies {@code rule} to every request of {@code method} (its full name, e.g. {@code spindle.runtime.JobMasterService/Heartbeat}). */
    @SuppressWarnings("unchecked")
    public <T> MessageFaults on(MethodDescriptor<T, ?> method, UnaryOperator<T> rule) {
        rules.put(method.getFullMethodName(), m -> rule.apply((T) m));
        return this;
    }

    /** How many requests of {@code method} were lost so far. */
    public int dropped(MethodDescriptor<?, ?> method) {
        AtomicInteger n = dropped.get(method.getFullMethodName());
        return n == null ? 0 : n.get();
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method, CallOptions options, Channel next) {
        UnaryOperator<Object> rule = rules.get(method.getFullMethodName());
        ClientCall<ReqT, RespT> call = next.newCall(method, options);
        if (rule == null) {
            return call;
        }
        return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
            private boolean lost;

            @Override
            @SuppressWarnings("unchecked")
            public void sendMessage(ReqT message) {
                Object out = rule.apply(message);
                if (out == null) {
                    lost = true;
                    dropped.computeIfAbsent(method.getFullMethodName(), k -> new AtomicInteger()).incrementAndGet();
                    super.cancel("message lost (injected fault)", null);
                    return;
                }
                super.sendMessage((ReqT) out);
            }

            @Override
            public void halfClose() {
                if (!lost) {
                    super.halfClose();
                }
            }
        };
    }
}
