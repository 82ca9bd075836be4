package dev.spindle.runtime.rest;

import dev.spindle.runtime.checkpoint.CheckpointException;
import dev.spindle.runtime.dispatcher.NoSuchJobException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits on the cluster's answers for a REST request, turning their failures into HTTP statuses. */
final class Futures {

    static final long TIMEOUT_SECONDS = 10;
    static final long SAVEPOINT_TIMEOUT_SECONDS = 300;

    private Futures() {
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof NoSuchJobException) {
                throw new RestError(404, cause.getMessage());
            }
            if (cause instanceof IllegalArgumentException) {
                throw new RestError(400, cause.getMessage());
            }
            throw cause instanceof Exception ex ? ex : e;
        } catch (TimeoutException e) {
            throw new RestError(503, "the cluster did not answer within " + TIMEOUT_SECONDS + " s");
        }
    }

    /** Savepoints can take longer than a query: the coordinator's checkpoint timeout bounds them, this only the wait. */
    static String awaitSavepoint(CompletableFuture<String> future) throws Exception {
        try {
            return future.get(SAVEPOINT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CheckpointException) {
                throw new RestError(409, cause.getMessage());
            }
            throw cause instanceof Exception ex ? ex : e;
        } catch (TimeoutException e) {
            throw new RestError(504, "the savepoint did not complete within " + SAVEPOINT_TIMEOUT_SECONDS + " s");
        }
    }
}
