package dev.spindle.configuration;

/** How and where the CLI deploys a program; set by the CLI's -t, -d and -s flags. */
public final class DeploymentOptions {

    private DeploymentOptions() {
    }

    public static final ConfigOption<String> TARGET = ConfigOptions.key("execution.target")
            .stringType().noDefaultValue()
            .withDescription("Where programs run: local, yarn-application, yarn-per-job or yarn-session (CLI flag -t).");

    public static final ConfigOption<Boolean> ATTACHED = ConfigOptions.key("execution.attached")
            .booleanType().defaultValue(true)
            .withDescription("Whether the client waits for the job to finish (true) or returns after submission (false; CLI flag -d).");

    public static final ConfigOption<String> SAVEPOINT_PATH = ConfigOptions.key("execution.savepoint.path")
            .stringType().noDefaultValue()
            .withDescription("Savepoint to restore the job from (CLI flag -s).");

    public static final ConfigOption<Boolean> SAVEPOINT_IGNORE_UNCLAIMED_STATE = ConfigOptions
            .key("execution.savepoint.ignore-unclaimed-state").booleanType().defaultValue(false)
            .withDescription("Allow restoring from a savepoint whose state no operator claims (CLI flag -n).");
}
