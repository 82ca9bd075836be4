package dev.spindle.configuration;

import java.util.List;

/** What a program's job graphs carry besides their operators. */
public final class PipelineOptions {

    private PipelineOptions() {
    }

    public static final ConfigOption<List<String>> JARS = ConfigOptions.key("pipeline.jars")
            .stringListType().noDefaultValue()
            .withDescription("URIs of the jars holding the program's classes (';'-separated); set by the CLI from the program jar, added to each job graph so TaskExecutors can load user code.");
}
