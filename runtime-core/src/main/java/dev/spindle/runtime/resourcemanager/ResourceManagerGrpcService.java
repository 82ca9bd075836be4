package dev.spindle.runtime.resourcemanager;

import dev.spindle.runtime.rpc.proto.Ack;
import dev.spindle.runtime.rpc.proto.HeartbeatResponse;
import dev.spindle.runtime.rpc.proto.RegisterTaskExecutorRequest;
import dev.spindle.runtime.rpc.proto.ResourceManagerServiceGrpc;
import dev.spindle.runtime.rpc.proto.TaskExecutorHeartbeat;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/** The resource manager's RPC face for TaskExecutors; every call runs on its main thread. */
final class ResourceManagerGrpcService extends ResourceManagerServiceGrpc.ResourceManagerServiceImplBase {

    private final ResourceManager rm;

    ResourceManagerGrpcService(ResourceManager rm) {
        this.rm = rm;
    }

    @Override
    public void registerTaskExecutor(RegisterTaskExecutorRequest r, StreamObserver<Ack> out) {
        if (r.getResourceId().isEmpty() || r.getNumSlots() < 1 || r.getPort() <= 0) {
            out.onError(Status.INVALID_ARGUMENT.withDescription("registration needs a resource id, a port and at least one slot").asRuntimeException());
            return;
        }
        try {
            out.onNext(rm.call(() -> rm.registerTaskExecutor(new ResourceID(r.getResourceId()), r.getHost(), r.getPort(), r.getNumSlots())));
            out.onCompleted();
        } catch (Exception e) {
            out.onError(Status.INTERNAL.withDescription(e.toString()).asRuntimeException());
        }
    }

    @Override
    public void heartbeat(TaskExecutorHeartbeat r, StreamObserver<HeartbeatResponse> out) {
        try {
            boolean known = rm.call(() -> rm.heartbeatFromTaskExecutor(new ResourceID(r.getResourceId()), r.getSlotsList(),
                    r.hasProcess() ? r.getProcess() : null));
            HeartbeatResponse.Builder response = HeartbeatResponse.newBuilder().setKnown(known);
            if (known) {
                rm.delegationTokens().newerThan(r.getDelegationTokensVersion()).ifPresent(t -> response
                        .setDelegationTokens(com.google.protobuf.ByteString.copyFrom(t.serialized()))
                        .setDelegationTokensVersion(t.version()));
            }
            out.onNext(response.build());
            out.onCompleted();
        } catch (Exception e) {
            out.onError(Status.INTERNAL.withDescription(e.toString()).asRuntimeException());
        }
    }
}
