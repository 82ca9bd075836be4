package dev.spindle.yarn.client.api;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;

/** Where a program runs: the values of {@code -t} / {@code execution.target}. */
public enum DeploymentTarget {

    /** main() and its jobs in this JVM, on an in-process MiniCluster. */
    LOCAL("local"),
    /** main() in a YARN ApplicationMaster; the application ends with the program. */
    YARN_APPLICATION("yarn-application"),
    /** main() here; its one job ships with its own YARN application. */
    YARN_PER_JOB("yarn-per-job"),
    /** main() here; jobs go over REST to a long-lived session on YARN. */
    YARN_SESSION("yarn-session");

    private final String value;

    DeploymentTarget(String value) {
        this.value = value;
    }

    /** The value as users type it after {@code -t}. */
    public String value() {
        return value;
    }

    /** The target named {@code value}; the message of a bad value lists the valid ones. */
    public static DeploymentTarget parse(String value) {
        for (DeploymentTarget t : values()) {
            if (t.value.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown target '" + value + "'; use one of " + valueList() + ".");
    }

    /** The target the configuration names ({@code execution.target}), if any. */
    public static Optional<DeploymentTarget> of(Configuration configuration) {
        return configuration.getOptional(DeploymentOptions.TARGET).map(DeploymentTarget::parse);
    }

    /** Writes this target into the configuration ({@code execution.target}). */
    public void applyTo(Configuration configuration) {
        configuration.set(DeploymentOptions.TARGET, value);
    }

    /** Whether running a program on this target deploys a new YARN application (and so sizes containers). */
    public boolean runDeploysApplication() {
        return this == YARN_APPLICATION || this == YARN_PER_JOB;
    }

    /** All values, comma-separated, for help texts and error messages. */
    public static String valueList() {
        return Arrays.stream(values()).map(DeploymentTarget::value).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return value;
    }
}
