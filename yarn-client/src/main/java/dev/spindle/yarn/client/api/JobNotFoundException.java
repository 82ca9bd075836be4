package dev.spindle.yarn.client.api;

/** The cluster does not know the job, or an ended cluster's final report does not mention it. */
public class JobNotFoundException extends SpindleClientException {

    private static final long serialVersionUID = 1L;

    public JobNotFoundException(String message) {
        super(message);
    }
}
