package dev.spindle.configuration;

import java.util.List;

/** What a program's job graphs carry besides their operators. */
public final class PipelineOptions {

    private PipelineOptions() {
    }

    public static final ConfigOption<List<String>> JARS = ConfigOptions.key("pipeline.jars")
            .stringListType().noDefaultValue()
            .withDescription("URIs of the jars holding the program's classes (';'-separated); set by the CLI from the program jar, added to each job graph so TaskExecutors can load user code.");

    public static final ConfigOption<java.time.Duration> AUTO_WATERMARK_INTERVAL = ConfigOptions.key("pipeline.auto-watermark-interval")
            .durationType().defaultValue(java.time.Duration.ofMillis(200))
            .withDescription("How often periodic watermark generators (onPeriodicEmit) are asked for a watermark, and how often idleness is checked; 0 turns periodic watermarks off.");
}
