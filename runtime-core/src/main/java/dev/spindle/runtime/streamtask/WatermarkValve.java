package dev.spindle.runtime.streamtask;

/**
 * Combines the watermarks of a task's input channels: the task's watermark is the minimum over its
 * active (not idle, not ended) channels and never goes back. When every open channel is idle the
 * task is idle too, after advancing to the furthest watermark any channel reached; a channel that
 * sends a watermark or records again is active.
 */
final class WatermarkValve {

    /** Receives the combined watermark and status. */
    interface Target {
        void onWatermark(long watermark) throws Exception;

        void onStatus(boolean idle) throws Exception;
    }

    private final long[] watermarks;
    private final boolean[] idle;
    private final boolean[] ended;
    private final Target target;
    private long emitted = Long.MIN_VALUE;
    private boolean outputIdle;

    WatermarkValve(int channels, Target target) {
        this.watermarks = new long[channels];
        this.idle = new boolean[channels];
        this.ended = new boolean[channels];
        java.util.Arrays.fill(watermarks, Long.MIN_VALUE);
        this.target = target;
    }

    void onWatermark(int channel, long watermark) throws Exception {
        if (ended[channel]) {
            return;
        }
        idle[channel] = false;
        if (watermark > watermarks[channel]) {
            watermarks[channel] = watermark;
        }
        update();
    }

    void onStatus(int channel, boolean channelIdle) throws Exception {
        if (ended[channel] || idle[channel] == channelIdle) {
            return;
        }
        idle[channel] = channelIdle;
        update();
    }

    /** A record arrived: an idle channel that sends records is active again. */
    void onRecord(int channel) throws Exception {
        if (idle[channel]) {
            idle[channel] = false;
            update();
        }
    }

    void onChannelEnded(int channel) throws Exception {
        ended[channel] = true;
        update();
    }

    private void update() throws Exception {
        long min = Long.MAX_VALUE;
        int active = 0;
        int open = 0;
        for (int c = 0; c < watermarks.length; c++) {
            if (ended[c]) {
                continue;
            }
            open++;
            if (!idle[c]) {
                active++;
                min = Math.min(min, watermarks[c]);
            }
        }
        if (open == 0) {
            // every input ended: each sent its final watermark before its end (or failed, and then nothing follows anyway)
            return;
        }
        if (active == 0) {
            // Idle channels hold nothing back: when every open one is idle, event time moves on to the
            // furthest any channel reached (e.g. the final watermark of an input that ended), as in
            // Flink; otherwise timers of a two-input task whose other input is idle never fire.
            long max = Long.MIN_VALUE;
            for (long w : watermarks) {
                max = Math.max(max, w);
            }
            if (max > emitted) {
                emitted = max;
                target.onWatermark(max);
            }
            if (!outputIdle) {
                outputIdle = true;
                target.onStatus(true);
            }
            return;
        }
        if (outputIdle) {
            outputIdle = false;
            target.onStatus(false);
        }
        if (min > emitted) {
            emitted = min;
            target.onWatermark(min);
        }
    }
}
