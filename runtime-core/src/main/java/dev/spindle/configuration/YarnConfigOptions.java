package dev.spindle.configuration;

import java.time.Duration;
import java.util.List;

/** Options of deployments on YARN: the application, its containers, staging and localization. */
public final class YarnConfigOptions {

    private YarnConfigOptions() {
    }

    /** Where the user jar goes on the container classpath relative to the framework jars. */
    public enum UserJarInclusion {
        /** Sorted by name together with the framework jars. */
        ORDER,
        /** Before the framework jars. */
        FIRST,
        /** After the framework jars. */
        LAST,
        /** Not on the system classpath; loaded by the user-code classloader only. */
        DISABLED
    }

    public static final ConfigOption<String> APPLICATION_NAME = ConfigOptions.key("yarn.application.name")
            .stringType().noDefaultValue()
            .withDescription("Name of the YARN application; defaults to 'Spindle <mode>: <main class>'.");

    public static final ConfigOption<String> APPLICATION_QUEUE = ConfigOptions.key("yarn.application.queue")
            .stringType().noDefaultValue()
            .withDescription("YARN queue the application is submitted to; the scheduler's default queue when unset.");

    public static final ConfigOption<Integer> APPLICATION_PRIORITY = ConfigOptions.key("yarn.application.priority")
            .intType().defaultValue(-1)
            .withDescription("YARN priority of the application (higher first); -1 leaves the cluster's default.");

    public static final ConfigOption<String> TAGS = ConfigOptions.key("yarn.tags")
            .stringType().defaultValue("")
            .withDescription("Comma-separated tags attached to the YARN application.");

    public static final ConfigOption<String> APPLICATION_TYPE = ConfigOptions.key("yarn.application.type")
            .stringType().defaultValue("Spindle")
            .withDescription("Application type reported to YARN.");

    public static final ConfigOption<String> APPLICATION_NODE_LABEL = ConfigOptions.key("yarn.application.node-label")
            .stringType().noDefaultValue()
            .withDescription("Node label expression for the ApplicationMaster container and, unless overridden, all containers.");

    public static final ConfigOption<String> TASKMANAGER_NODE_LABEL = ConfigOptions.key("yarn.taskmanager.node-label")
            .stringType().noDefaultValue()
            .withDescription("Node label expression for TaskExecutor containers.");

    public static final ConfigOption<Integer> APPMASTER_VCORES = ConfigOptions.key("yarn.appmaster.vcores")
            .intType().defaultValue(1)
            .withDescription("Virtual cores of the ApplicationMaster container.")
            .checkedBy(Range.atLeast(1));

    public static final ConfigOption<Integer> CONTAINERS_VCORES = ConfigOptions.key("yarn.containers.vcores")
            .intType().defaultValue(-1)
            .withDescription("Virtual cores of each TaskExecutor container; -1 means one per slot.")
            .checkedBy(Range.atLeast(-1));

    public static final ConfigOption<Integer> APPLICATION_ATTEMPTS = ConfigOptions.key("yarn.application-attempts")
            .intType().defaultValue(2)
            .withDescription("How many ApplicationMaster attempts YARN makes before the application fails; a later attempt resumes the jobs from their latest checkpoints (capped by yarn.resourcemanager.am.max-attempts).")
            .checkedBy(Range.atLeast(1));

    public static final ConfigOption<List<String>> SHIP_FILES = ConfigOptions.key("yarn.ship-files")
            .stringListType().noDefaultValue()
            .withDescription("Local files or directories (';'-separated) shipped into every container's working dir.");

    public static final ConfigOption<List<String>> SHIP_ARCHIVES = ConfigOptions.key("yarn.ship-archives")
            .stringListType().noDefaultValue()
            .withDescription("Local archives (';'-separated: zip, tar.gz, jar) shipped and unpacked into every container's working dir.");

    public static final ConfigOption<List<String>> PROVIDED_LIB_DIRS = ConfigOptions.key("yarn.provided.lib.dirs")
            .stringListType().noDefaultValue()
            .withDescription("Remote world-readable dirs (';'-separated) of framework jars registered as PUBLIC resources instead of uploading lib/.");

    public static final ConfigOption<String> SECURITY_KERBEROS_ADDITIONAL_FILESYSTEMS = ConfigOptions.key("yarn.security.kerberos.additionalFileSystems")
            .stringType().noDefaultValue()
            .withDescription("Comma-separated URIs of further Kerberos-secured file systems (besides the staging one) to get delegation tokens for.");

    public static final ConfigOption<String> STAGING_DIRECTORY = ConfigOptions.key("yarn.staging-directory")
            .stringType().noDefaultValue()
            .withDescription("Root under which '.spindle/<appId>/' staging dirs are created; the file system home dir when unset.");

    public static final ConfigOption<Boolean> APPLICATION_MODE_TASKEXECUTORS_AHEAD = ConfigOptions.key("yarn.application-mode.start-taskexecutors-ahead")
            .booleanType().defaultValue(true)
            .withDescription("In application mode, request the TaskExecutors that parallelism.default needs (taskmanager.numberOfTaskSlots each) when the ApplicationMaster starts, so they start while main() builds the job; ones the job does not use are released after resourcemanager.taskmanager-timeout.");

    public static final ConfigOption<Boolean> JAR_DIGEST_MEMO = ConfigOptions.key("yarn.jar-cache.digest-memo")
            .booleanType().defaultValue(true)
            .withDescription("Remember the SHA-256 of each framework jar and of its cached copy across client runs, in the owner-only file ~/.spindle/jar-digests (keyed by path, length and modification time), instead of hashing ~80 MB on every deployment; false hashes in every client JVM.");

    public static final ConfigOption<Integer> FILE_REPLICATION = ConfigOptions.key("yarn.file-replication")
            .intType().defaultValue(-1)
            .withDescription("HDFS replication of uploaded files; -1 keeps the file system's default.");

    public static final ConfigOption<UserJarInclusion> CLASSPATH_INCLUDE_USER_JAR = ConfigOptions.key("yarn.classpath.include-user-jar")
            .enumType(UserJarInclusion.class).defaultValue(UserJarInclusion.ORDER)
            .withDescription("Where the user jar goes on the container classpath: ORDER, FIRST, LAST or DISABLED.");

    public static final ConfigOption<String> APPLICATION_ID = ConfigOptions.key("yarn.application.id")
            .stringType().noDefaultValue()
            .withDescription("Id of a running YARN application to talk to (session or per-job cluster).");

    public static final ConfigOption<Duration> DEPLOYMENT_TIMEOUT = ConfigOptions.key("yarn.deployment.timeout")
            .durationType().noDefaultValue()
            .withDescription("Kill the application when it is not RUNNING within this time (off when unset).")
            .checkedBy(Range.atLeast(Duration.ofMillis(1)));

    public static final ConfigOption<String> PROPERTIES_FILE_LOCATION = ConfigOptions.key("yarn.properties-file.location")
            .stringType().noDefaultValue()
            .withDescription("Directory of the '.yarn-properties-<user>' file that names the current session; the temp dir when unset.");

    public static final ConfigOption<Boolean> CONTAINER_JAVA_HOME_FROM_CLIENT = ConfigOptions.key("yarn.container.java-home.from-client")
            .booleanType().defaultValue(false)
            .withDescription("Set JAVA_HOME of every container to the client's java.home (single-machine clusters); off leaves it to the NodeManager.");

    public static final ConfigOption<String> LOG_CONFIG_FILE = ConfigOptions.key("yarn.log-config-file")
            .stringType().noDefaultValue()
            .withDescription("Local log4j2 config file shipped as the cluster processes' log config instead of conf/log4j2.properties.")
            .withFallbackKeys("log4j.configurationFile");

    public static final ConfigOption<Duration> CLIENT_RM_CONNECT_MAX_WAIT = ConfigOptions.key("yarn.client.rm-connect.max-wait")
            .durationType().defaultValue(Duration.ofSeconds(10))
            .withDescription("How long the client retries an unreachable ResourceManager before giving up.")
            .checkedBy(Range.atLeast(Duration.ofMillis(1)));

    public static final ConfigOption<Duration> HEARTBEAT_CONTAINER_REQUEST_INTERVAL = ConfigOptions.key("yarn.heartbeat.container-request-interval")
            .durationType().defaultValue(Duration.ofMillis(250))
            .withDescription("AM heartbeat to the ResourceManager while container requests are pending.")
            .checkedBy(Range.atLeast(Duration.ofMillis(1)));

    // YARN's async AM client applies a new interval only after its current sleep: a request made
    // while idle waits for the rest of this interval. 1 s, like MapReduce's and Tez's AMs.
    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL = ConfigOptions.key("yarn.heartbeat.interval")
            .durationType().defaultValue(Duration.ofSeconds(1))
            .withDescription("AM heartbeat to the ResourceManager when no container requests are pending; a request made"
                    + " in between waits for the next one.")
            .checkedBy(Range.atLeast(Duration.ofMillis(1)));

    public static final ConfigOption<Integer> CONTAINERS_MAX_START_FAILURES_PER_MINUTE = ConfigOptions.key("yarn.containers.max-start-failures-per-minute")
            .intType().defaultValue(10)
            .withDescription("TaskExecutor container start failures per minute beyond which a container request fails; later requests wait until the last minute's failures are within it again.")
            .checkedBy(Range.atLeast(0));

    public static final ConfigOption<Duration> CONTAINERS_START_RETRY_BACKOFF = ConfigOptions.key("yarn.containers.start-retry-backoff")
            .durationType().defaultValue(Duration.ofSeconds(1))
            .withDescription("Wait before a failed TaskExecutor container start is requested again.")
            .checkedBy(Range.atLeast(Duration.ZERO));

    public static final ConfigOption<Duration> STAGING_SWEEP_MIN_AGE = ConfigOptions.key("yarn.staging-directory.sweep-min-age")
            .durationType().defaultValue(Duration.ofHours(1))
            .withDescription("The staging sweep (next deployment, 'spindle clean') removes the dir of an application the ResourceManager does not know, and jar-cache upload leftovers, only when nothing in it changed for this long: another client may still be uploading, or another ResourceManager may run it.")
            .checkedBy(Range.atLeast(Duration.ZERO));
}
