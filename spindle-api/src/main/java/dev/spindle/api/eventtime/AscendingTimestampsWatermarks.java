package dev.spindle.api.eventtime;

import java.time.Duration;

/** Periodic watermarks for timestamps that never decrease: the watermark trails the highest timestamp by 1 ms. */
public class AscendingTimestampsWatermarks<T> extends BoundedOutOfOrdernessWatermarks<T> {

    private static final long serialVersionUID = 1L;

    /** A generator for monotonously increasing timestamps. */
    public AscendingTimestampsWatermarks() {
        super(Duration.ZERO);
    }
}
