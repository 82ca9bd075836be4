package dev.spindle.configuration;

import java.time.Duration;

/**
 * TLS of internal connections (RPC and data exchange between client, AM and TaskExecutors) and of
 * the REST endpoint, under Flink's keys. Without keystores, each application gets its own
 * generated certificate, pinned by every client; keystores replace it with the user's. Kerberos
 * login (keytab or ticket cache) and delegation-token renewal, also under Flink's keys.
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

    // ---- Kerberos ----------------------------------------------------------------------------

    public static final ConfigOption<String> KERBEROS_LOGIN_KEYTAB = ConfigOptions.key("security.kerberos.login.keytab")
            .stringType().noDefaultValue()
            .withDescription("Local keytab the client logs in with; shipped owner-only to the ApplicationMaster and TaskExecutors, which log in with it (the ApplicationMaster also renews and re-obtains delegation tokens with it).");

    public static final ConfigOption<String> KERBEROS_LOGIN_PRINCIPAL = ConfigOptions.key("security.kerberos.login.principal")
            .stringType().noDefaultValue()
            .withDescription("Kerberos principal of security.kerberos.login.keytab (required with it).");

    public static final ConfigOption<Boolean> KERBEROS_LOGIN_USE_TICKET_CACHE = ConfigOptions.key("security.kerberos.login.use-ticket-cache")
            .booleanType().defaultValue(true)
            .withDescription("Without a keytab, use the client's Kerberos ticket cache (kinit); tokens then end at their max lifetime.");

    public static final ConfigOption<String> KERBEROS_KRB5_CONF_PATH = ConfigOptions.key("security.kerberos.krb5-conf.path")
            .stringType().noDefaultValue()
            .withDescription("Local krb5.conf shipped to every container and used by their JVMs (java.security.krb5.conf); unset: the hosts' own /etc/krb5.conf.");

    public static final ConfigOption<Duration> KERBEROS_RELOGIN_PERIOD = ConfigOptions.key("security.kerberos.relogin.period")
            .durationType().defaultValue(Duration.ofMinutes(1))
            .withDescription("How often the ApplicationMaster and TaskExecutors check their keytab login's TGT and log in again when it is close to expiry.")
            .checkedBy(Range.atLeast(Duration.ofSeconds(1)));

    public static final ConfigOption<Double> KERBEROS_TOKENS_RENEWAL_TIME_RATIO = ConfigOptions.key("security.kerberos.tokens.renewal.time-ratio")
            .doubleType().defaultValue(0.75)
            .withDescription("Fraction of a delegation token's remaining time after which the ApplicationMaster renews it (or re-obtains it at its max lifetime).")
            .checkedBy(Range.between(0.01, 0.99));

    public static final ConfigOption<Duration> KERBEROS_TOKENS_RENEWAL_RETRY_BACKOFF = ConfigOptions.key("security.kerberos.tokens.renewal.retry.backoff")
            .durationType().defaultValue(Duration.ofMinutes(1))
            .withDescription("Wait before retrying a failed renewal or re-obtaining of delegation tokens (never past the tokens' next deadline).")
            .checkedBy(Range.atLeast(Duration.ofMillis(100)));
}
