package dev.spindle.yarn.client.cli.testprogram;

import dev.spindle.configuration.CoreOptions;
import dev.spindle.api.execution.ExecutionContext;

/** A user program that reports the context the CLI installed, without calling execute(). */
public final class RecordingProgram {

    public static final String OUT = "spindle.test.cli.program";

    private RecordingProgram() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("fail")) {
            throw new IllegalArgumentException("bad input path");
        }
        ExecutionContext context = ExecutionContext.current();
        System.setProperty(OUT, context.executor().getClass().getSimpleName() + "|"
                + context.configuration().get(CoreOptions.DEFAULT_PARALLELISM) + "|"
                + (context.userClassLoader() == Thread.currentThread().getContextClassLoader()) + "|"
                + (RecordingProgram.class.getClassLoader() == context.userClassLoader()) + "|"
                + String.join(",", args) + "|" + context.configuration().getString("pipeline.jars"));
    }
}
