package dev.spindle.yarn.client.cluster;

import java.util.List;

import org.apache.hadoop.yarn.api.records.ApplicationReport;

import dev.spindle.yarn.client.api.ApplicationStatus;
import dev.spindle.yarn.client.api.JobSummary;

/** How a followed application ended: YARN's final report and the jobs last seen over REST. */
public record ApplicationOutcome(ApplicationReport finalReport, List<JobSummary> jobs) {

    public ApplicationStatus status() {
        return ApplicationReports.status(finalReport);
    }
}
