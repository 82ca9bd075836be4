package dev.spindle.runtime.io.network;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The bounded queue of buffers from one producer subtask to one consumer subtask. The producer
 * blocks in {@link #add} while it is full, which is how back pressure reaches it.
 */
final class Subpartition {

    private final int capacity;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private final Runnable onFullyConsumed;
    private boolean finished;
    private boolean consumed;
    private Throwable failure;
    /** The reader allowed to take buffers; every new subscription fences the ones before it. */
    private long reader;

    Subpartition(int capacity, Runnable onFullyConsumed) {
        this.capacity = capacity;
        this.onFullyConsumed = onFullyConsumed;
    }

    synchronized void add(ByteBuffer buffer) throws IOException, InterruptedException {
        while (queue.size() >= capacity && failure == null) {
            wait();
        }
        if (failure != null) {
            throw new IOException("subpartition was released: " + failure.getMessage(), failure);
        }
        if (finished) {
            throw new IllegalStateException("subpartition already finished");
        }
        queue.add(buffer);
        notifyAll();
    }

    synchronized void finish() {
        finished = true;
        notifyAll();
    }

    synchronized void fail(Throwable cause) {
        if (failure == null && !consumed) {
            failure = cause;
            queue.clear();
        }
        notifyAll();
    }

    /**
     * Makes the caller the only reader: an earlier one (a stream whose consumer asked again) stops at
     * its next {@link #take}, even one waiting there now. Returns the token to take with.
     */
    synchronized long subscribe() {
        reader++;
        notifyAll();
        return reader;
    }

    /**
     * The next buffer for the reader holding {@code token}, or null once the producer finished and
     * everything was taken. Throws if the producer failed, or if a newer subscription took over.
     */
    ByteBuffer take(long token) throws IOException, InterruptedException {
        boolean end;
        ByteBuffer next;
        synchronized (this) {
            while (queue.isEmpty() && !finished && failure == null && token == reader) {
                wait();
            }
            if (token != reader) {
                throw new SubscriptionSupersededException("a newer request for this subpartition took over from reader " + token);
            }
            if (failure != null) {
                throw new ProducerFailedException(failure);
            }
            next = queue.poll();
            end = next == null;
            if (end) {
                consumed = true;
            }
            notifyAll();
        }
        if (end) {
            onFullyConsumed.run();
        }
        return next;
    }

    int capacity() {
        return capacity;
    }

    /** Buffers emitted but not yet taken by the consumer. */
    synchronized int backlog() {
        return queue.size();
    }
}
