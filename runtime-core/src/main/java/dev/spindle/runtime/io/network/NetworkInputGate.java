package dev.spindle.runtime.io.network;

import dev.spindle.runtime.io.InputBuffer;
import dev.spindle.runtime.io.InputGate;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The input of one edge of one consumer subtask. Channels push into one queue; each channel has
 * only as many buffers in flight as it has credits, so the queue stays bounded.
 */
public final class NetworkInputGate implements InputGate, ChannelEvents, dev.spindle.runtime.io.BufferOccupancy {

    private record Event(int channel, ByteBuffer data, boolean end, Throwable error) {
    }

    private final String description;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<InputChannel> channels = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final int creditsPerChannel;
    /** Data buffers received and not yet handed to the task. */
    private final java.util.concurrent.atomic.AtomicInteger buffered = new java.util.concurrent.atomic.AtomicInteger();
    private int channelsEnded;
    private volatile boolean closed;
    private java.util.function.IntConsumer channelEndListener = channel -> { };

    NetworkInputGate(String description, int creditsPerChannel) {
        this.description = description;
        this.creditsPerChannel = creditsPerChannel;
    }

    void addChannel(InputChannel channel) {
        channels.add(channel);
    }

    void start() {
        channels.forEach(InputChannel::start);
    }

    @Override
    public int getNumberOfChannels() {
        return channels.size();
    }

    @Override
    public InputBuffer getNext() throws IOException, InterruptedException {
        while (true) {
            checkOpen();
            if (channelsEnded == channels.size()) {
                return null;
            }
            InputBuffer b = handle(events.take());
            if (b != null || channelsEnded == channels.size()) {
                return b;
            }
        }
    }

    @Override
    public InputBuffer poll(long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            checkOpen();
            if (channelsEnded == channels.size()) {
                return null;
            }
            Event e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                return InputBuffer.NONE_YET;
            }
            InputBuffer b = handle(e);
            if (b != null || channelsEnded == channels.size()) {
                return b;
            }
        }
    }

    private InputBuffer handle(Event e) throws IOException {
        if (e.error() != null) {
            if (e.error() instanceof IOException io) {
                throw io;
            }
            throw new IOException("input channel " + e.channel() + " of " + description + " failed: " + e.error().getMessage(), e.error());
        }
        if (e.end()) {
            channelsEnded++;
            channelEndListener.accept(e.channel());
            return null;
        }
        buffered.decrementAndGet();
        channels.get(e.channel()).onBufferConsumed();
        return new InputBuffer(e.channel(), e.data());
    }

    @Override
    public void setChannelEndListener(java.util.function.IntConsumer listener) {
        this.channelEndListener = listener;
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("input gate " + description + " is closed");
        }
    }

    @Override
    public void onBuffer(int channelIndex, ByteBuffer data) {
        buffered.incrementAndGet();
        events.add(new Event(channelIndex, data, false, null));
    }

    @Override
    public void onEnd(int channelIndex) {
        events.add(new Event(channelIndex, null, true, null));
    }

    @Override
    public void onError(int channelIndex, Throwable error) {
        events.add(new Event(channelIndex, null, false, error));
    }

    @Override
    public int usedBuffers() {
        return Math.max(0, buffered.get());
    }

    @Override
    public int bufferCapacity() {
        return channels.size() * creditsPerChannel;
    }

    @Override
    public void close() {
        closed = true;
        channels.forEach(InputChannel::close);
    }
}
