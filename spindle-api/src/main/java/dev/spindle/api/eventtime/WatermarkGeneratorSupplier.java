package dev.spindle.api.eventtime;

import java.io.Serializable;

/** Creates the {@link WatermarkGenerator} of each parallel subtask; shipped with the job, so serializable. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {

    /** A fresh generator for one subtask. */
    WatermarkGenerator<T> createWatermarkGenerator(Context context);

    /** What a generator's subtask is. */
    interface Context {

        /** 0-based index of the subtask the generator runs in. */
        int getIndexOfThisSubtask();
    }
}
