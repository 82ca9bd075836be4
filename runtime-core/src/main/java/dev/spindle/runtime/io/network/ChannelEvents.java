package dev.spindle.runtime.io.network;

import java.nio.ByteBuffer;

/** Where channels deliver what they read: the gate's event queue. */
interface ChannelEvents {

    void onBuffer(int channelIndex, ByteBuffer data);

    void onEnd(int channelIndex);

    void onError(int channelIndex, Throwable error);
}
