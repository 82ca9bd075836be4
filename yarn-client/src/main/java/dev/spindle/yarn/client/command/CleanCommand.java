package dev.spindle.yarn.client.command;

import java.io.PrintStream;
import java.util.List;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.IllegalConfigurationException;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;

/** {@code spindle clean}: removes the staging dirs of applications YARN reports as ended. */
public final class CleanCommand {

    private final HadoopConfLocator locator;

    public CleanCommand() {
        this(new HadoopConfLocator());
    }

    public CleanCommand(HadoopConfLocator locator) {
        this.locator = locator;
    }

    public int run(Configuration effectiveConf, PrintStream out, PrintStream err) {
        Configuration conf = new Configuration(effectiveConf);
        try {
            YarnConfiguration yarnConf = YarnCommandContext.locate(locator, conf, out);
            try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(conf, yarnConf, out)) {
                List<Path> removed = descriptor.sweepStagingDirs();
                for (Path p : removed) {
                    out.println("Removed " + p);
                }
                out.println(removed.isEmpty() ? "No staging dirs of ended applications under " + descriptor.stagingRoot()
                        : "Removed " + removed.size() + " staging dir(s) of ended applications.");
                return 0;
            }
        } catch (IllegalConfigurationException e) {
            err.println(e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("clean failed: " + e.getMessage());
            return 1;
        }
    }
}
