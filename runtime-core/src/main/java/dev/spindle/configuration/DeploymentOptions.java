package dev.spindle.configuration;

/** Options choosing where and how a program is deployed. */
public final class DeploymentOptions {

    private DeploymentOptions() {
    }

    public static final ConfigOption<String> TARGET = ConfigOptions.key("execution.target")
            .stringType().noDefaultValue()
            .withDescription("Where jobs run: 'local', 'yarn-application', 'yarn-per-job' or 'yarn-session'.");

    public static final ConfigOption<Boolean> ATTACHED = ConfigOptions.key("execution.attached")
            .booleanType().defaultValue(true)
            .withDescription("Whether the client follows the job until it ends (true) or returns once it is submitted (false).");
}
