package dev.spindle.yarn.client.command;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import dev.spindle.api.JobExecutionResult;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.configuration.IllegalConfigurationException;
import dev.spindle.api.execution.ExecutionContext;
import dev.spindle.api.JobID;
import dev.spindle.runtime.program.PackagedProgram;
import dev.spindle.runtime.program.ProgramInvocationException;
import dev.spindle.yarn.client.deployment.DeployedApplication;
import dev.spindle.yarn.client.deployment.DeploymentException;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;
import dev.spindle.yarn.client.perjob.PerJobPipelineExecutor;

/**
 * {@code spindle run -t yarn-per-job [-d] -c <main> <jar> [args]}: runs the program's main() here
 * only to build its job graph, which {@link PerJobPipelineExecutor} ships with a per-job
 * ApplicationMaster. Detached, returns once YARN accepted the application; attached, follows the
 * job to its end and exits 0 only when it succeeded.
 */
public final class RunPerJobCommand {

    private final HadoopConfLocator locator;

    public RunPerJobCommand(HadoopConfLocator locator) {
        this.locator = locator;
    }

    /** @param jar local path or remote URI of the user jar (a remote jar is fetched to run main() here, and referenced in place for the cluster) */
    public int run(String jar, String mainClass, List<String> programArgs, Configuration effectiveConf, PrintStream out,
            PrintStream err) {
        Configuration conf = new Configuration(effectiveConf);
        conf.set(DeploymentOptions.TARGET, "yarn-per-job");
        boolean attached = conf.get(DeploymentOptions.ATTACHED);
        Path workDir = null;
        PerJobPipelineExecutor executor = null;
        try {
            URI jarUri = RunApplicationCommand.userJar(jar);
            YarnConfiguration yarnConf = YarnCommandContext.locate(locator, conf, out);
            workDir = Files.createTempDirectory("spindle-perjob-");
            Path localJar = localCopy(jarUri, yarnConf, workDir);
            try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(conf, yarnConf, out);
                    PackagedProgram program = PackagedProgram.create(localJar.toFile(), mainClass,
                            programArgs.toArray(new String[0]), List.of(), conf)) {
                executor = new PerJobPipelineExecutor(descriptor, jarUri, mainClass, programArgs, workDir.resolve("deploy"), out);
                ExecutionContext.install(new ExecutionContext(executor, conf, program.getUserCodeClassLoader()));
                try {
                    program.invokeMain();
                } catch (ProgramInvocationException e) {
                    err.println("spindle run: " + e.getMessage() + rootCause(e));
                    endLeftover(executor, descriptor, attached, err);
                    return 1;
                } finally {
                    ExecutionContext.uninstall();
                }
                DeployedApplication app = executor.deployedApplication();
                if (app == null) {
                    err.println("The program " + program.getMainClassName() + " built no job (its main() never called"
                            + " execute()); nothing was deployed.");
                    return 1;
                }
                JobID jobId = executor.jobGraph().getJobId();
                if (!attached) {
                    printDetached(app.applicationId(), jobId, out);
                    return 0;
                }
                return outcome(descriptor, app, executor, out, err);
            }
        } catch (ProgramInvocationException e) {
            err.println("spindle run: " + e.getMessage() + rootCause(e));
            return 1;
        } catch (DeploymentException | IllegalConfigurationException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("spindle run -t yarn-per-job failed: " + e);
            return 1;
        } finally {
            if (workDir != null) {
                FileUtil.fullyDelete(workDir.toFile());
            }
        }
    }

    /**
     * main() failed after its job went out (e.g. it asked for a second job): the command fails, so a
     * detached application it leaves behind is killed rather than left for the user to find.
     */
    private static void endLeftover(PerJobPipelineExecutor executor, YarnClusterDescriptor descriptor, boolean attached,
            PrintStream err) {
        DeployedApplication app = executor.deployedApplication();
        if (app == null) {
            return;
        }
        ApplicationId appId = app.applicationId();
        if (attached) {
            err.println("Its job " + executor.jobGraph().getJobId() + " had already run as application " + appId + ".");
            return;
        }
        try {
            descriptor.kill(appId);
            err.println("Its job " + executor.jobGraph().getJobId() + " had already been submitted as application " + appId
                    + "; the application was killed and its staging dir removed.");
        } catch (Exception e) {
            err.println("Its job was already submitted as application " + appId + " and could not be killed (" + e.getMessage()
                    + "); end it with 'yarn application -kill " + appId + "'.");
        }
    }

    /** main() runs here, so a remote jar is fetched into the work dir; the cluster still uses it in place. */
    private static Path localCopy(URI jar, YarnConfiguration yarnConf, Path workDir) throws java.io.IOException {
        if (jar.getScheme() == null || jar.getScheme().equals("file")) {
            return Path.of(jar);
        }
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(jar);
        Path local = workDir.resolve("program").resolve(remote.getName());
        Files.createDirectories(local.getParent());
        try (FileSystem remoteFs = FileSystem.newInstance(jar, yarnConf)) {
            remoteFs.copyToLocalFile(false, remote, new org.apache.hadoop.fs.Path(local.toUri()), true);
        }
        return local;
    }

    private static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? "" : " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    static void printDetached(ApplicationId appId, JobID jobId, PrintStream out) {
        out.println("Application " + appId + " submitted (detached): per-job cluster of job " + jobId + ".");
        out.println("Job ID: " + jobId);
        out.println("Follow it:  spindle list -t yarn-per-job -id " + appId + "   |   yarn application -status " + appId);
        out.println("Cancel it:  spindle cancel -t yarn-per-job -id " + appId + " " + jobId);
        out.println("Its jobs:   spindle info -t yarn-per-job -id " + appId + " " + jobId);
    }

    /** Attached: the job was followed by execute() (or is followed now, after executeAsync()); YARN's final report decides. */
    private static int outcome(YarnClusterDescriptor descriptor, DeployedApplication app, PerJobPipelineExecutor executor,
            PrintStream out, PrintStream err) throws Exception {
        try {
            JobExecutionResult result = executor.jobClient().getJobExecutionResult().join();
            out.println(result);
        } catch (CompletionException e) {
            // Reported below from YARN's final report, which carries the same cause.
        }
        ApplicationReport end = descriptor.report(app.applicationId());
        String diagnostics = end.getDiagnostics() == null ? "" : end.getDiagnostics().trim();
        if (end.getFinalApplicationStatus() == FinalApplicationStatus.SUCCEEDED) {
            out.println("Application " + app.applicationId() + " finished successfully." + (diagnostics.isEmpty() ? "" : " " + diagnostics));
            return 0;
        }
        err.println("Application " + app.applicationId() + " ended " + end.getFinalApplicationStatus() + ": "
                + (diagnostics.isEmpty() ? "YARN gave no diagnostics" : diagnostics));
        return 1;
    }
}
