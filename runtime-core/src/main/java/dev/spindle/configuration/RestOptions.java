package dev.spindle.configuration;

/** The cluster's REST endpoint and web UI. */
public final class RestOptions {

    private RestOptions() {
    }

    public static final ConfigOption<Integer> PORT = ConfigOptions.key("rest.port")
            .intType().defaultValue(0)
            .withDescription("Port of the REST endpoint; 0 picks a free one (the address is published as the tracking URL).")
            .checkedBy(Range.between(0, 65535));

    public static final ConfigOption<Integer> MAX_REQUEST_BYTES = ConfigOptions.key("rest.server.max-content-length")
            .intType().defaultValue(100 * 1024 * 1024)
            .withDescription("Largest request body (e.g. a submitted job graph) the REST endpoint accepts, in bytes.")
            .checkedBy(Range.atLeast(1));
}
