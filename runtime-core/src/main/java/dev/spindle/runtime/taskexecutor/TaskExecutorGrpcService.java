package dev.spindle.runtime.taskexecutor;

import dev.spindle.api.JobID;
import dev.spindle.runtime.jobgraph.JobVertexID;
import dev.spindle.runtime.rpc.proto.Ack;
import dev.spindle.runtime.rpc.proto.CancelTaskRequest;
import dev.spindle.runtime.rpc.proto.FreeSlotsRequest;
import dev.spindle.runtime.rpc.proto.RequestSlotRequest;
import dev.spindle.runtime.rpc.proto.SubmitTaskRequest;
import dev.spindle.runtime.rpc.proto.TaskExecutorHeartbeat;
import dev.spindle.runtime.rpc.proto.TaskExecutorServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.Callable;

/** The TaskExecutor's RPC face: calls from the resource manager and job masters. */
final class TaskExecutorGrpcService extends TaskExecutorServiceGrpc.TaskExecutorServiceImplBase {

    private final TaskExecutor taskExecutor;

    TaskExecutorGrpcService(TaskExecutor taskExecutor) {
        this.taskExecutor = taskExecutor;
    }

    private static <T> void answer(StreamObserver<T> out, Callable<T> call) {
        T result;
        try {
            result = call.call();
        } catch (IllegalArgumentException e) {
            out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (Exception e) {
            out.onError(Status.INTERNAL.withDescription(e.toString()).withCause(e).asRuntimeException());
            return;
        }
        out.onNext(result);
        out.onCompleted();
    }

    @Override
    public void requestSlot(RequestSlotRequest request, StreamObserver<Ack> out) {
        answer(out, () -> taskExecutor.requestSlot(request));
    }

    @Override
    public void submitTask(SubmitTaskRequest request, StreamObserver<Ack> out) {
        answer(out, () -> taskExecutor.submitTask(request));
    }

    @Override
    public void cancelTask(CancelTaskRequest r, StreamObserver<Ack> out) {
        answer(out, () -> taskExecutor.cancelTask(JobID.fromHexString(r.getJobId()), JobVertexID.fromHexString(r.getVertexId()),
                r.getSubtask(), r.getAttempt()));
    }

    @Override
    public void triggerCheckpoint(dev.spindle.runtime.rpc.proto.TriggerCheckpointRequest r, StreamObserver<Ack> out) {
        answer(out, () -> taskExecutor.triggerCheckpoint(r));
    }

    @Override
    public void notifyCheckpointComplete(dev.spindle.runtime.rpc.proto.NotifyCheckpointCompleteRequest r, StreamObserver<Ack> out) {
        answer(out, () -> taskExecutor.notifyCheckpointComplete(r));
    }

    @Override
    public void freeSlots(FreeSlotsRequest r, StreamObserver<Ack> out) {
        answer(out, () -> taskExecutor.freeSlots(JobID.fromHexString(r.getJobId()), r.getCause()));
    }

    @Override
    public void heartbeat(TaskExecutorHeartbeat request, StreamObserver<TaskExecutorHeartbeat> out) {
        answer(out, taskExecutor::slotReport);
    }
}
