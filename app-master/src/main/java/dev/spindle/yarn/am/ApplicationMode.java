package dev.spindle.yarn.am;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.api.JobStatus;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.CoreOptions;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.runtime.dispatcher.DispatcherPipelineExecutor;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.entrypoint.ClusterServices;
import dev.spindle.api.execution.ExecutionContext;
import dev.spindle.api.JobID;
import dev.spindle.runtime.program.PackagedProgram;
import dev.spindle.yarn.common.LaunchSpec;

/**
 * Application mode: runs the user program's main() in the AM with {@code execute()} bound to
 * the in-process dispatcher, waits for every job it submitted, and ends with their outcome.
 */
public final class ApplicationMode implements AppMasterMode {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationMode.class);

    private final String userJar;
    private final String mainClass;
    private final List<String> programArgs;
    private final IntFunction<JobID> jobIds;

    /**
     * @param userJar the user jar's path relative to the working dir; null when none was shipped
     * @param mainClass entry class from {@code -c}; null to take the jar manifest's
     * @param jobIds the id of the n-th job main() submits, the same on every attempt of the application
     */
    public ApplicationMode(String userJar, String mainClass, List<String> programArgs, IntFunction<JobID> jobIds) {
        this.userJar = userJar;
        this.mainClass = mainClass;
        this.programArgs = List.copyOf(programArgs);
        this.jobIds = jobIds;
    }

    /** The program the client named in the launch spec, with job ids derived from this container's application. */
    public static ApplicationMode of(LaunchSpec spec) {
        return new ApplicationMode(spec.userJar(), spec.mainClass(), spec.programArgs(), ApplicationJobIds.ofThisContainer());
    }

    @Override
    public AppMasterOutcome run(ClusterServices services, Configuration configuration) throws Exception {
        if (userJar == null) {
            return AppMasterOutcome.failed("No user jar was shipped with this application (the launch spec names none)");
        }
        if (configuration.get(YarnConfigOptions.APPLICATION_MODE_TASKEXECUTORS_AHEAD)) {
            // Known before main() runs: the containers start while it loads classes and builds the graph.
            services.startTaskExecutorsAhead(configuration.get(CoreOptions.DEFAULT_PARALLELISM));
        }
        String[] args = programArgs.toArray(String[]::new);
        PackagedProgram program = PackagedProgram.create(new File(userJar), mainClass, args, List.of(), configuration);
        DispatcherPipelineExecutor executor = new DispatcherPipelineExecutor(services.getDispatcher(), jobIds);
        ExecutionContext.install(new ExecutionContext(executor, configuration, program.getUserCodeClassLoader()));
        LOG.info("Running main() of {} with {} arguments", program.getMainClassName(), args.length);
        try {
            program.invokeMain();
        } catch (Exception e) {
            LOG.error("main() of {} failed", program.getMainClassName(), e);
            // Jobs it started before failing are cancelled by the shutdown; the cause is main()'s.
            return AppMasterOutcome.failed("The program " + program.getMainClassName() + " failed: "
                    + AppMasterOutcome.rootCause(e));
        } finally {
            ExecutionContext.uninstall();
        }
        return outcomeOfJobs(services, executor.submittedJobs(), program.getMainClassName());
    }

    static AppMasterOutcome outcomeOfJobs(ClusterServices services, List<JobID> jobs, String mainClass) throws Exception {
        if (jobs.isEmpty()) {
            return AppMasterOutcome.succeeded("The program " + mainClass + " ended without submitting a job.");
        }
        List<String> lines = new ArrayList<>();
        boolean allFinished = true;
        for (JobID id : jobs) {
            JobResult r = services.getDispatcher().requestJobResult(id).get();
            if (r.status() == JobStatus.FINISHED) {
                lines.add("Job " + id + " (" + r.jobName() + ") FINISHED in " + r.durationMillis() + " ms.");
            } else {
                allFinished = false;
                lines.add("Job " + id + " (" + r.jobName() + ") " + r.status()
                        + (r.failureCause() == null ? "." : ": " + r.failureCause()));
            }
        }
        String diagnostics = String.join(" ", lines);
        return allFinished ? AppMasterOutcome.succeeded(diagnostics) : AppMasterOutcome.failed(diagnostics);
    }
}
