package dev.spindle.yarn.common;

import dev.spindle.runtime.jobgraph.JobGraphFile;

/**
 * Link names of what Spindle localizes into its containers' working dirs. The staging dir on the
 * cluster's file system uses the same relative names, so a file's link name is also where the
 * client uploaded it.
 */
public final class ContainerLayout {

    private ContainerLayout() {
    }

    /** Framework jars (uploaded, cached or from {@code yarn.provided.lib.dirs}). */
    public static final String LIB_DIR = "lib";
    /** The user jar. */
    public static final String USRLIB_DIR = "usrlib";
    /** Shipped configuration: Hadoop site files and the log config; first on the classpath. */
    public static final String CONF_DIR = "conf";
    /** The log config in {@link #CONF_DIR}. */
    public static final String LOG4J_FILE = "log4j2.properties";
    /** The launch spec at the working dir's root, written by the client (see {@link LaunchSpec}). */
    public static final String LAUNCH_SPEC_FILE = "launch-spec.json";
    /** Under the staging dir: what each AM attempt records of its jobs for the next attempt to resume them. */
    public static final String RECOVERY_DIR = "recovery";
    /** Under the staging dir: where each AM attempt's resource manager listens, for TaskExecutors kept across attempts. */
    public static final String ATTEMPTS_DIR = "attempts";
    /** The Kerberos keytab (security.kerberos.login.keytab), owner-only in the staging dir, localized into every container. */
    public static final String KEYTAB_FILE = "krb5.keytab";
    /** The shipped krb5.conf (security.kerberos.krb5-conf.path) in {@link #CONF_DIR}. */
    public static final String KRB5_CONF_FILE = "krb5.conf";
    /** The per-job job graph at the working dir's root. */
    public static final String JOB_GRAPH_FILE = JobGraphFile.FILE_NAME;

    /** Link name of a framework jar. */
    public static String frameworkJar(String fileName) {
        return LIB_DIR + "/" + fileName;
    }

    /** Link name of the user jar. */
    public static String userJar(String fileName) {
        return USRLIB_DIR + "/" + fileName;
    }

    /** Link name of a file in {@link #CONF_DIR}. */
    public static String confFile(String fileName) {
        return CONF_DIR + "/" + fileName;
    }
}
