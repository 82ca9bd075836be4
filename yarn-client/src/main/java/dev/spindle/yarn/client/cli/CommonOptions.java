package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.api.JobID;
import dev.spindle.yarn.client.api.DeploymentTarget;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** Options several actions share, and the checks of their values. */
final class CommonOptions {

    private static final Pattern APPLICATION_ID = Pattern.compile("application_\\d+_\\d+");

    private CommonOptions() {
    }

    static Option help() {
        return Option.builder("h").longOpt("help").desc("Show the options of this action.").build();
    }

    static Option dynamicProperty() {
        return Option.builder("D").hasArg().argName("key=value")
                .desc("Set a configuration value, e.g. -Dparallelism.default=4 or -D taskmanager.numberOfTaskSlots=2 (repeatable).")
                .build();
    }

    static Option target() {
        return Option.builder("t").longOpt("target").hasArg().argName("target")
                .desc("Where to run: " + DeploymentTarget.valueList() + " (sets execution.target).").build();
    }

    static Option applicationId() {
        return Option.builder("id").longOpt("applicationId").hasArg().argName("appId")
                .desc("YARN application (session or application cluster) to talk to.").build();
    }

    static Option applicationIdAlias() {
        return Option.builder("yid").longOpt("yarnapplicationId").hasArg().argName("appId")
                .desc("Same as -id (Flink's spelling).").build();
    }

    static List<String> dynamicProperties(CommandLine cl) {
        String[] values = cl.getOptionValues("D");
        return values == null ? List.of() : List.copyOf(Arrays.asList(values));
    }

    /** The options of a verb that names no cluster: -D and help. */
    static Options basicOptions() {
        return new Options().addOption(dynamicProperty()).addOption(help());
    }

    /** Adds the options that pick a cluster after the verb's own ones, so help lists those first. */
    static Options withClusterOptions(Options options) {
        return options.addOption(target()).addOption(applicationId()).addOption(applicationIdAlias())
                .addOption(dynamicProperty()).addOption(help());
    }

    /** The target given with {@code -t}; null when none was. */
    static DeploymentTarget target(CommandLine cl) throws CliArgumentException {
        String target = cl.getOptionValue("t");
        try {
            return target == null ? null : DeploymentTarget.parse(target);
        } catch (IllegalArgumentException e) {
            throw new CliArgumentException(e.getMessage().replace("'" + target + "';", "'" + target + "' for -t/--target;"));
        }
    }

    /** The application given with {@code -id} or {@code -yid}; null when none was. */
    static String applicationId(CommandLine cl) throws CliArgumentException {
        String appId = cl.hasOption("id") ? cl.getOptionValue("id") : cl.getOptionValue("yid");
        return appId == null ? null : checkApplicationId(appId);
    }

    /** Checks {@code -t} and {@code -id/-yid}; returns what writes them into the configuration. */
    static java.util.function.Consumer<Configuration> clusterFlags(CommandLine cl) throws CliArgumentException {
        DeploymentTarget target = target(cl);
        String appId = applicationId(cl);
        return configuration -> {
            if (target != null) {
                target.applyTo(configuration);
            }
            if (appId != null) {
                configuration.set(YarnConfigOptions.APPLICATION_ID, appId);
            }
        };
    }

    /**
     * The target whose cluster a cluster verb (list, info, cancel, ...) asks: the one the configuration
     * names; without one (or with local, which keeps no cluster) a session, as Flink's CLI does.
     */
    static DeploymentTarget clusterTargetOf(Configuration configuration) {
        DeploymentTarget target = DeploymentTarget.of(configuration).orElse(DeploymentTarget.YARN_SESSION);
        return target == DeploymentTarget.LOCAL ? DeploymentTarget.YARN_SESSION : target;
    }

    static String checkApplicationId(String appId) throws CliArgumentException {
        if (!APPLICATION_ID.matcher(appId).matches()) {
            throw new CliArgumentException("'" + appId + "' is not a YARN application id; it looks like"
                    + " application_1700000000000_0001.");
        }
        return appId;
    }

    static JobID jobId(String text) throws CliArgumentException {
        try {
            return JobID.fromHexString(text);
        } catch (IllegalArgumentException e) {
            throw new CliArgumentException("'" + text + "' is not a job id: a job id is 32 hex characters, as shown by"
                    + " 'spindle list'.");
        }
    }

    static int positiveInt(String option, String text) throws CliArgumentException {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliArgumentException("'" + text + "' is not a valid value for " + option + ": use a whole number of 1 or more.");
    }

    static void expectArguments(String action, List<String> positional, int min, int max, String syntax)
            throws CliArgumentException {
        if (positional.size() < min) {
            throw new CliArgumentException("spindle " + action + " needs " + syntax + ".");
        }
        if (positional.size() > max) {
            throw new CliArgumentException("spindle " + action + ": unexpected argument '" + positional.get(max)
                    + "' (usage: spindle " + action + " [OPTIONS] " + syntax + ").");
        }
    }
}
