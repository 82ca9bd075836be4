package dev.spindle.runtime.operators.windowing;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.windowing.ProcessWindowFunction;
import dev.spindle.api.windowing.windows.TimeWindow;

/** "key [start,end) count=n" for a counted time window. */
final class DescribeCount extends ProcessWindowFunction<Long, String, String, TimeWindow> {
    @Override
    public void process(String key, Context context, Iterable<Long> counts, Collector<String> out) {
        for (Long c : counts) {
            out.collect(key + " [" + context.window().getStart() + "," + context.window().getEnd() + ") count=" + c);
        }
    }
}
