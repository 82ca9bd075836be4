package dev.spindle.yarn.client.command;

import java.io.PrintStream;

import org.apache.hadoop.yarn.conf.YarnConfiguration;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;

/** What every YARN command starts with: the located Hadoop configuration, said in one line. */
final class YarnCommandContext {

    private YarnCommandContext() {
    }

    /** The YARN configuration to use; the effective Spindle configuration is adjusted for an embedded cluster. */
    static YarnConfiguration locate(HadoopConfLocator locator, Configuration conf, PrintStream out) {
        HadoopConfLocator.HadoopConf hadoopConf = locator.locate();
        out.println(hadoopConf.describe());
        if (hadoopConf.localCluster() && !conf.contains(YarnConfigOptions.CONTAINER_JAVA_HOME_FROM_CLIENT)) {
            // Same machine: containers can use the client's JDK, and the embedded NodeManagers give them none.
            conf.set(YarnConfigOptions.CONTAINER_JAVA_HOME_FROM_CLIENT, true);
        }
        return hadoopConf.toYarnConfiguration(conf);
    }
}
