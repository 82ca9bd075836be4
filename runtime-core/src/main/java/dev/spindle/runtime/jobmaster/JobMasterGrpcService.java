package dev.spindle.runtime.jobmaster;

import dev.spindle.api.JobID;
import dev.spindle.runtime.rpc.proto.Ack;
import dev.spindle.runtime.rpc.proto.FinalCommitRequest;
import dev.spindle.runtime.rpc.proto.HeartbeatResponse;
import dev.spindle.runtime.rpc.proto.JobMasterHeartbeatRequest;
import dev.spindle.runtime.rpc.proto.JobMasterServiceGrpc;
import dev.spindle.runtime.rpc.proto.OfferSlotsRequest;
import dev.spindle.runtime.rpc.proto.OfferSlotsResponse;
import dev.spindle.runtime.rpc.proto.TaskStateUpdate;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.Callable;

/** The RPC face of all job masters of a cluster; calls are routed by job id to the job's main thread. */
public final class JobMasterGrpcService extends JobMasterServiceGrpc.JobMasterServiceImplBase {

    private final JobMasterRegistry registry;

    public JobMasterGrpcService(JobMasterRegistry registry) {
        this.registry = registry;
    }

    private JobMaster find(String jobId) {
        try {
            return registry.runningJobMaster(JobID.fromHexString(jobId));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <T> void onMainThread(JobMaster jm, StreamObserver<T> out, Callable<T> call) {
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return call.call();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, jm.mainThreadExecutor()).whenComplete((r, t) -> {
            if (t != null) {
                out.onError(Status.INTERNAL.withDescription(t.toString()).asRuntimeException());
            } else {
                out.onNext(r);
                out.onCompleted();
            }
        });
    }

    @Override
    public void offerSlots(OfferSlotsRequest request, StreamObserver<OfferSlotsResponse> out) {
        JobMaster jm = find(request.getJobId());
        if (jm == null) {
            out.onNext(OfferSlotsResponse.getDefaultInstance());
            out.onCompleted();
            return;
        }
        onMainThread(jm, out, () -> jm.offerSlots(request));
    }

    @Override
    public void requestFinalCommit(FinalCommitRequest request, StreamObserver<Ack> out) {
        JobMaster jm = find(request.getJobId());
        if (jm == null) {
            out.onNext(Ack.newBuilder().setAccepted(false).setMessage("job " + request.getJobId() + " is not running here").build());
            out.onCompleted();
            return;
        }
        onMainThread(jm, out, () -> jm.grantFinalCommit(request));
    }

    @Override
    public void updateTaskState(TaskStateUpdate request, StreamObserver<Ack> out) {
        JobMaster jm = find(request.getJobId());
        if (jm == null) {
            out.onNext(Ack.newBuilder().setAccepted(false).setMessage("job " + request.getJobId() + " is not running").build());
            out.onCompleted();
            return;
        }
        onMainThread(jm, out, () -> {
            jm.updateTaskState(request);
            return Ack.newBuilder().setAccepted(true).build();
        });
    }

    @Override
    public void acknowledgeCheckpoint(dev.spindle.runtime.rpc.proto.CheckpointAck request, StreamObserver<Ack> out) {
        JobMaster jm = find(request.getJobId());
        if (jm == null) {
            out.onNext(Ack.newBuilder().setAccepted(false).setMessage("job " + request.getJobId() + " is not running").build());
            out.onCompleted();
            return;
        }
        onMainThread(jm, out, () -> {
            jm.acknowledgeCheckpoint(request);
            return Ack.newBuilder().setAccepted(true).build();
        });
    }

    @Override
    public void declineCheckpoint(dev.spindle.runtime.rpc.proto.CheckpointDecline request, StreamObserver<Ack> out) {
        JobMaster jm = find(request.getJobId());
        if (jm == null) {
            out.onNext(Ack.newBuilder().setAccepted(false).setMessage("job " + request.getJobId() + " is not running").build());
            out.onCompleted();
            return;
        }
        onMainThread(jm, out, () -> {
            jm.declineCheckpoint(request);
            return Ack.newBuilder().setAccepted(true).build();
        });
    }

    @Override
    public void heartbeat(JobMasterHeartbeatRequest request, StreamObserver<HeartbeatResponse> out) {
        JobMaster jm = find(request.getJobId());
        if (jm == null) {
            out.onNext(HeartbeatResponse.newBuilder().setKnown(false).build());
            out.onCompleted();
            return;
        }
        onMainThread(jm, out, () -> HeartbeatResponse.newBuilder().setKnown(jm.heartbeatFromTaskExecutor(request)).build());
    }
}
