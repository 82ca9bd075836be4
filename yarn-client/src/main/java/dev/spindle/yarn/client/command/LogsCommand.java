package dev.spindle.yarn.client.command;

import java.io.PrintStream;
import java.time.Duration;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.IllegalConfigurationException;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.logs.ApplicationLogs;

/** {@code spindle logs <appId> [--container <id>] [--follow]}: prints the AM and TaskExecutor logs of an application. */
public final class LogsCommand {

    private static final Duration AGGREGATION_WAIT = Duration.ofSeconds(60);

    private final HadoopConfLocator locator;

    public LogsCommand(HadoopConfLocator locator) {
        this.locator = locator;
    }

    public int run(String applicationId, String containerId, boolean follow, Configuration effectiveConf, PrintStream out,
            PrintStream err) {
        ApplicationId appId;
        try {
            appId = ApplicationId.fromString(applicationId);
        } catch (IllegalArgumentException e) {
            err.println("spindle logs: '" + applicationId + "' is not an application id (application_<timestamp>_<n>).");
            return 1;
        }
        Configuration conf = new Configuration(effectiveConf);
        try {
            // The logs are the output: the "which Hadoop conf" line goes to stderr.
            YarnConfiguration yarnConf = YarnCommandContext.locate(locator, conf, err);
            try (YarnClient yarn = YarnClient.createYarnClient()) {
                yarn.init(yarnConf);
                yarn.start();
                new ApplicationLogs(yarn, yarnConf, out, AGGREGATION_WAIT).print(appId, containerId, follow);
                return 0;
            }
        } catch (ApplicationNotFoundException e) {
            err.println("spindle logs: the ResourceManager does not know application " + appId + ".");
            return 1;
        } catch (ApplicationLogs.LogsUnavailableException | IllegalConfigurationException e) {
            err.println("spindle logs: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (Exception e) {
            err.println("spindle logs failed: " + e);
            return 1;
        }
    }
}
