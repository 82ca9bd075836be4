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
 * sees it fail as if the peer were unreachable). An answer can be lost too: the peer gets and handles
 * the request, the caller sees its deadline pass. Counts what it dropped per method.
 */
public final class MessageFaults implements ClientInterceptor {

    private final Map<String, UnaryOperator<Object>> rules = new ConcurrentHashMap<>();
    private final Map<String, java.util.function.Predicate<Object>> lostAnswers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> dropped = new ConcurrentHashMap<>();

    /** Applies {@code rule} to every request of {@code method} (its full name, e.g. {@code spindle.runtime.JobMasterService/Heartbeat}). */
    @SuppressWarnings("unchecked")
    public <T> MessageFaults on(MethodDescriptor<T, ?> method, UnaryOperator<T> rule) {
        rules.put(method.getFullMethodName(), m -> rule.apply((T) m));
        return this;
    }

    /** Delivers every request of {@code method}, but loses the answer to those {@code when} accepts: the caller's deadline passes. */
    @SuppressWarnings("unchecked")
    public <T> MessageFaults loseAnswer(MethodDescriptor<T, ?> method, java.util.function.Predicate<T> when) {
        lostAnswers.put(method.getFullMethodName(), m -> when.test((T) m));
        return this;
    }

    /** How many requests (or answers) of {@code method} were lost so far. */
    public int dropped(MethodDescriptor<?, ?> method) {
        AtomicInteger n = dropped.get(method.getFullMethodName());
        return n == null ? 0 : n.get();
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method, CallOptions options, Channel next) {
        UnaryOperator<Object> rule = rules.get(method.getFullMethodName());
        java.util.function.Predicate<Object> loseAnswer = lostAnswers.get(method.getFullMethodName());
        ClientCall<ReqT, RespT> call = next.newCall(method, options);
        if (loseAnswer != null) {
            return answerLosing(method, call, loseAnswer);
        }
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

    private <ReqT, RespT> ClientCall<ReqT, RespT> answerLosing(MethodDescriptor<ReqT, RespT> method, ClientCall<ReqT, RespT> call,
                                                               java.util.function.Predicate<Object> when) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
            private volatile boolean answerLost;

            @Override
            public void start(Listener<RespT> listener, io.grpc.Metadata headers) {
                super.start(new io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                    @Override
                    public void onMessage(RespT message) {
                        if (!answerLost) {
                            super.onMessage(message);
                        }
                    }

                    @Override
                    public void onClose(io.grpc.Status status, io.grpc.Metadata trailers) {
                        super.onClose(answerLost ? io.grpc.Status.DEADLINE_EXCEEDED.withDescription("answer lost (injected fault)")
                                : status, trailers);
                    }
                }, headers);
            }

            @Override
            public void sendMessage(ReqT message) {
                if (when.test(message)) {
                    answerLost = true;
                    dropped.computeIfAbsent(method.getFullMethodName(), k -> new AtomicInteger()).incrementAndGet();
                }
                super.sendMessage(message);
            }
        };
    }
}
