package dev.spindle.yarn.client.command;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;

import org.apache.hadoop.yarn.conf.YarnConfiguration;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.configuration.PipelineOptions;
import dev.spindle.api.execution.ExecutionContext;
import dev.spindle.runtime.program.PackagedProgram;
import dev.spindle.runtime.program.ProgramInvocationException;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;
import dev.spindle.yarn.client.session.ClusterLocator;
import dev.spindle.yarn.client.session.RestPipelineExecutor;
import dev.spindle.yarn.client.session.SessionJarUploader;

/**
 * {@code spindle run [-t yarn-session] [-d] -c <main> <jar> [args]}: runs main() here; each
 * {@code execute()} submits its job graph to the session's REST API, the user jar staged once in
 * the session's staging dir for its TaskExecutors to load.
 */
public final class SessionRunCommand {

    private final HadoopConfLocator locator;

    public SessionRunCommand(HadoopConfLocator locator) {
        this.locator = locator;
    }

    /** @param jar the program jar as an absolute URI (local file or remote) */
    public int run(URI jar, java.io.File localJar, String mainClass, List<String> programArgs, Configuration effectiveConf,
            PrintStream out, PrintStream err) throws Exception {
        Configuration conf = new Configuration(effectiveConf);
        conf.set(DeploymentOptions.TARGET, "yarn-session");
        YarnConfiguration yarnConf = YarnCommandContext.locate(locator, conf, out);
        try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(conf, yarnConf, out)) {
            ClusterLocator.LocatedCluster cluster;
            try {
                cluster = new ClusterLocator(conf).locate(descriptor);
            } catch (IllegalArgumentException e) {
                err.println("spindle run: " + e.getMessage());
                return 1;
            }
            if (cluster.hasEnded()) {
                err.println("spindle run: cannot submit to the session: " + cluster.endedDescription()
                        + " Start a new one with 'yarn-session.sh -d'.");
                return 1;
            }
            if (jar.getScheme() != null && !jar.getScheme().equals("file")) {
                err.println("spindle run needs a local program jar to run its main() here, not " + jar
                        + "; copy it here first (e.g. hdfs dfs -get).");
                return 1;
            }
            SessionJarUploader.Staged staged = new SessionJarUploader(descriptor.fileSystem(), cluster.stagingDir()).stage(jar);
            out.println("User jar " + (staged.uploaded() ? "uploaded to " : "already in the session at ") + staged.uri());
            boolean attached = conf.get(DeploymentOptions.ATTACHED);
            RestPipelineExecutor executor = new RestPipelineExecutor(cluster.rest(), cluster.applicationId().toString(),
                    attached, out);
            try (PackagedProgram program = PackagedProgram.create(localJar, mainClass, programArgs.toArray(new String[0]),
                    List.of(), conf)) {
                Configuration withJars = new Configuration(conf);
                withJars.set(PipelineOptions.JARS, List.of(staged.uri().toString()));
                ExecutionContext.install(new ExecutionContext(executor, withJars, program.getUserCodeClassLoader()));
                try {
                    program.invokeMain();
                } catch (ProgramInvocationException e) {
                    err.println("spindle run: " + e.getMessage());
                    return 1;
                } finally {
                    ExecutionContext.uninstall();
                }
            }
            if (executor.submittedJobs().isEmpty()) {
                err.println("Note: the program ended without submitting a job (it never called execute()).");
            } else if (!attached) {
                String id = cluster.applicationId().toString();
                for (var jobId : executor.submittedJobs()) {
                    out.println("Job " + jobId + " runs detached in " + id + ". Watch: spindle list -id " + id
                            + "   Cancel: spindle cancel -id " + id + " " + jobId);
                }
            }
            return 0;
        }
    }
}
