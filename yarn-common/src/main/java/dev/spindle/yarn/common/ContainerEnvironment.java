package dev.spindle.yarn.common;

import java.util.HashMap;
import java.util.Map;

import org.apache.hadoop.yarn.api.ApplicationConstants;

/**
 * The environment of Spindle's containers: only what the JVM, YARN and Hadoop themselves read
 * (CLASSPATH, JAVA_HOME, HADOOP_USER_NAME). Everything Spindle needs travels in the
 * {@link LaunchSpec}; nothing in the environment is secret.
 */
public final class ContainerEnvironment {

    private ContainerEnvironment() {
    }

    public static final String CLASSPATH = ApplicationConstants.Environment.CLASSPATH.name();
    /** Set from the client's java.home when {@code yarn.container.java-home.from-client} is on. */
    public static final String JAVA_HOME = ApplicationConstants.Environment.JAVA_HOME.name();
    /** With simple auth a container would act as the NodeManager's user; this keeps the submitter's. */
    public static final String HADOOP_USER_NAME = "HADOOP_USER_NAME";

    /** The environment of a container launched from {@code spec}: its variables plus CLASSPATH. */
    public static Map<String, String> of(LaunchSpec spec) {
        Map<String, String> env = new HashMap<>(spec.environment());
        env.put(CLASSPATH, ContainerClasspath.join(spec.classpath()));
        return env;
    }
}
