package dev.spindle.yarn.client.api;

/** No cluster was named, or YARN does not know the one named, or its secret is not readable. */
public class ClusterNotFoundException extends SpindleClientException {

    private static final long serialVersionUID = 1L;

    public ClusterNotFoundException(String message) {
        super(message);
    }
}
