package dev.spindle.runtime.streamtask;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The combined watermark of a task's channels, with idle and ended channels. */
class WatermarkValveTest {

    private final List<String> emitted = new ArrayList<>();
    private final WatermarkValve valve = new WatermarkValve(2, new WatermarkValve.Target() {
        @Override
        public void onWatermark(long watermark) {
            emitted.add("wm " + watermark);
        }

        @Override
        public void onStatus(boolean idle) {
            emitted.add(idle ? "idle" : "active");
        }
    });

    @Test
    void theMinimumOverActiveChannelsIsEmitted() throws Exception {
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 5);
        valve.onWatermark(0, 20);
        valve.onWatermark(1, 30);
        assertEquals(List.of("wm 5", "wm 20"), emitted);
    }

    @Test
    void anEndedInputsFinalWatermarkIsReachedWhenTheOtherInputGoesIdle() throws Exception {
        valve.onWatermark(0, Long.MAX_VALUE);
        valve.onWatermark(1, 8999);
        valve.onChannelEnded(0);
        valve.onStatus(1, true);
        assertEquals(List.of("wm 8999", "wm " + Long.MAX_VALUE, "idle"), emitted);
    }

    @Test
    void anIdleChannelDoesNotHoldBackTheOther() throws Exception {
        valve.onWatermark(0, 7);
        valve.onStatus(1, true);
        valve.onWatermark(0, 9);
        assertEquals(List.of("wm 9"), emitted.subList(emitted.size() - 1, emitted.size()));
    }
}
