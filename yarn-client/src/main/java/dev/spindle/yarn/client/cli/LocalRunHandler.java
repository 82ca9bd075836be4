package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.configuration.PipelineOptions;
import dev.spindle.api.execution.ExecutionContext;
import dev.spindle.runtime.minicluster.MiniClusterExecutor;
import dev.spindle.runtime.program.PackagedProgram;
import dev.spindle.runtime.program.ProgramInvocationException;
import java.io.PrintStream;
import java.util.List;

/** {@code run -t local}: runs the program's main() here, its jobs on an in-process MiniCluster. */
final class LocalRunHandler implements ActionHandler {

    @Override
    public int run(ParsedAction action, Configuration configuration, PrintStream out, PrintStream err)
            throws ProgramInvocationException {
        RunAction run = (RunAction) action;
        if (run.isRemoteJar()) {
            err.println("spindle run -t local needs a local program jar, not " + run.jar()
                    + "; copy it here first (e.g. hdfs dfs -get).");
            return 1;
        }
        if (!configuration.get(DeploymentOptions.ATTACHED)) {
            err.println("Note: -d/--detached has no effect with -t local; the program runs to its end here.");
        }
        try (PackagedProgram program = PackagedProgram.create(run.jarFile(), run.entryClass(),
                run.programArgs().toArray(new String[0]), List.of(), configuration)) {
            // TaskExecutors load user code from the jars the job graph names, not from this classloader.
            Configuration withJars = new Configuration(configuration);
            withJars.set(PipelineOptions.JARS, List.of(run.jarUri().toString()));
            ExecutionContext.install(new ExecutionContext(new MiniClusterExecutor(), withJars,
                    program.getUserCodeClassLoader()));
            try {
                program.invokeMain();
            } catch (ProgramInvocationException e) {
                err.println("spindle run: " + e.getMessage());
                if (e.getCause() != null) {
                    e.getCause().printStackTrace(err);
                }
                return 1;
            } finally {
                ExecutionContext.uninstall();
            }
        }
        return 0;
    }
}
