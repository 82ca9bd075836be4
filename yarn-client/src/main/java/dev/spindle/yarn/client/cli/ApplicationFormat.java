package dev.spindle.yarn.client.cli;

import java.io.PrintStream;

import dev.spindle.yarn.client.api.ApplicationStatus;
import dev.spindle.yarn.client.api.DeploymentTarget;

/** How the CLI shows a YARN application, whatever the target: one format for every verb. */
final class ApplicationFormat {

    private ApplicationFormat() {
    }

    /** "Application X (name) is STATE[, final status S]": the head of list and info output. */
    static String head(ApplicationStatus app) {
        return "Application " + app.applicationId() + " (" + app.name() + ") is " + app.state()
                + (app.ended() ? ", final status " + app.finalStatus() : "");
    }

    /** An ended application: its head, then what YARN's final report says, the AM and its REST API being gone. */
    static void ended(ApplicationStatus app, PrintStream to) {
        to.println(head(app) + ".");
        to.println("It has ended: " + app.state() + ", final status " + app.finalStatus() + "; "
                + (app.diagnostics().isEmpty() ? "YARN gave no diagnostics." : "YARN's diagnostics: " + app.diagnostics()));
    }

    /** How to follow, inspect and end what a detached run left running: the same {@code -t T -id X} form for every verb. */
    static void howToFollow(DeploymentTarget target, String applicationId, String jobId, PrintStream out) {
        String cluster = "-t " + target.value() + " -id " + applicationId;
        String job = jobId == null ? "<jobId>" : jobId;
        out.println("Follow it:  spindle list " + cluster + "   |   yarn application -status " + applicationId);
        out.println("Its jobs:   spindle info " + cluster + " " + job);
        out.println("Cancel it:  spindle cancel " + cluster + " " + job);
    }
}
