package dev.spindle.yarn.client.cli;

import java.io.PrintStream;

import dev.spindle.api.JobID;
import dev.spindle.yarn.client.api.ApplicationStatus;
import dev.spindle.yarn.client.api.DeploymentResult;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.api.JobSummary;

/** Prints what a run gave: how to follow a detached run, or an attached run's outcome; returns the exit code. */
final class RunReport {

    private RunReport() {
    }

    static int print(DeploymentResult result, PrintStream out, PrintStream err) {
        if (result.applicationId() == null) {
            return 0; // a local run: the program printed what it had to say
        }
        if (result.detached()) {
            detached(result, out);
            return 0;
        }
        for (JobSummary job : result.jobs()) {
            String line = JobFormat.outcome(job);
            if (line != null) {
                out.println(line);
            }
        }
        ApplicationStatus end = result.end();
        if (end == null) {
            return 0; // a session outlives its jobs; their outcome was printed as they ended
        }
        if (end.succeeded()) {
            out.println("Application " + end.applicationId() + " finished successfully."
                    + (end.diagnostics().isEmpty() ? "" : " " + end.diagnostics()));
            return 0;
        }
        err.println("Application " + end.applicationId() + " ended " + end.finalStatus() + ": "
                + (end.diagnostics().isEmpty() ? "YARN gave no diagnostics" : end.diagnostics()));
        return 1;
    }

    private static void detached(DeploymentResult result, PrintStream out) {
        String id = result.applicationId();
        if (result.target() == DeploymentTarget.YARN_SESSION) {
            for (JobID job : result.jobIds()) {
                out.println("Job " + job + " runs detached in session " + id + ".");
                ApplicationFormat.howToFollow(result.target(), id, job.toString(), out);
            }
            return;
        }
        String job = result.jobIds().isEmpty() ? null : result.jobIds().get(0).toString();
        out.println("Application " + id + " submitted (detached)" + (job == null ? "." : ": per-job cluster of job " + job + "."));
        if (job != null) {
            out.println("Job ID: " + job);
        }
        if (result.trackingUrl() != null) {
            out.println("Tracking URL: " + result.trackingUrl());
        }
        ApplicationFormat.howToFollow(result.target(), id, job, out);
        out.println("Stop it:    yarn application -kill " + id);
    }
}
