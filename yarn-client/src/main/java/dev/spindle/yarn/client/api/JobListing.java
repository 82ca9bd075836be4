package dev.spindle.yarn.client.api;

import java.util.List;

/**
 * The jobs of one cluster. While its AM runs they come from its REST API; once the application
 * ended they are gone with it and {@link #application()} (YARN's final report) is all there is.
 */
public record JobListing(ApplicationStatus application, List<JobSummary> jobs) {
}
