package dev.spindle.yarn.client.container;

/** Names of the environment variables and files Spindle sets up in its containers (none of them secret). */
public final class ContainerEnvironment {

    private ContainerEnvironment() {
    }

    /** Staging dir of the application (a file system URI); the AM removes it when the application ends. */
    public static final String STAGING_DIR = "SPINDLE_STAGING_DIR";
    /** Link name of the user jar in the container's working dir; unset when there is none (session). */
    public static final String USER_JAR = "SPINDLE_USER_JAR";
    /** Main class of the user program, when given with -c. */
    public static final String MAIN_CLASS = "SPINDLE_MAIN_CLASS";
    /** Program arguments, encoded by {@link ProgramArguments}. */
    public static final String PROGRAM_ARGS = "SPINDLE_PROGRAM_ARGS";
    /** The container's dir of shipped configuration, relative to its working dir. */
    public static final String CONF_DIR = "conf";
    /** The log config in {@link #CONF_DIR}. */
    public static final String LOG4J_FILE = "log4j2.properties";
}
