package dev.spindle.configuration;

/**
 * TLS of internal connections (RPC and data exchange between client, AM and TaskExecutors) and of
 * the REST endpoint, under Flink's keys. Without keystores, each application gets its own
 * generated certificate, pinned by every client; keystores replace it with the user's.
 */
public final class SecurityOptions {

    private SecurityOptions() {
    }

    public static final ConfigOption<Boolean> SSL_INTERNAL_ENABLED = ConfigOptions.key("security.ssl.internal.enabled")
            .booleanType().defaultValue(true)
            .withDescription("TLS for RPC and data exchange; false sends the cluster secret and all data in clear (benchmarks only).");

    public static final ConfigOption<String> SSL_INTERNAL_KEYSTORE = ConfigOptions.key("security.ssl.internal.keystore")
            .stringType().noDefaultValue()
            .withDescription("Own keystore (local path on every host) for internal TLS; unset: the generated per-application certificate.");

    public static final ConfigOption<String> SSL_INTERNAL_KEYSTORE_PASSWORD = ConfigOptions.key("security.ssl.internal.keystore-password")
            .stringType().noDefaultValue()
            .withDescription("Password of security.ssl.internal.keystore.");

    public static final ConfigOption<String> SSL_INTERNAL_KEY_PASSWORD = ConfigOptions.key("security.ssl.internal.key-password")
            .stringType().noDefaultValue()
            .withDescription("Password of the key in security.ssl.internal.keystore; default: the keystore password.");

    public static final ConfigOption<String> SSL_INTERNAL_TRUSTSTORE = ConfigOptions.key("security.ssl.internal.truststore")
            .stringType().noDefaultValue()
            .withDescription("Truststore for internal TLS (both ends verify each other); required with security.ssl.internal.keystore.");

    public static final ConfigOption<String> SSL_INTERNAL_TRUSTSTORE_PASSWORD = ConfigOptions.key("security.ssl.internal.truststore-password")
            .stringType().noDefaultValue()
            .withDescription("Password of security.ssl.internal.truststore.");

    public static final ConfigOption<Boolean> SSL_REST_ENABLED = ConfigOptions.key("security.ssl.rest.enabled")
            .booleanType().defaultValue(true)
            .withDescription("HTTPS for the REST endpoint and web UI; false serves plain HTTP and sends the secret in clear.");

    public static final ConfigOption<String> SSL_REST_KEYSTORE = ConfigOptions.key("security.ssl.rest.keystore")
            .stringType().noDefaultValue()
            .withDescription("Own keystore (local path on the AM host) for REST; unset: the generated per-application certificate.");

    public static final ConfigOption<String> SSL_REST_KEYSTORE_PASSWORD = ConfigOptions.key("security.ssl.rest.keystore-password")
            .stringType().noDefaultValue()
            .withDescription("Password of security.ssl.rest.keystore.");

    public static final ConfigOption<String> SSL_REST_KEY_PASSWORD = ConfigOptions.key("security.ssl.rest.key-password")
            .stringType().noDefaultValue()
            .withDescription("Password of the key in security.ssl.rest.keystore; default: the keystore password.");

    public static final ConfigOption<String> SSL_REST_TRUSTSTORE = ConfigOptions.key("security.ssl.rest.truststore")
            .stringType().noDefaultValue()
            .withDescription("Truststore REST clients verify the endpoint with (host names checked); required with security.ssl.rest.keystore.");

    public static final ConfigOption<String> SSL_REST_TRUSTSTORE_PASSWORD = ConfigOptions.key("security.ssl.rest.truststore-password")
            .stringType().noDefaultValue()
            .withDescription("Password of security.ssl.rest.truststore.");
}
