package dev.spindle.api.execution;

import dev.spindle.configuration.Configuration;
import java.util.Objects;

/**
 * The context a user program runs in: which executor {@code execute()} uses and the
 * configuration it inherits. Entry points (CLI, ApplicationMaster) install one before calling the
 * program's {@code main()}; without one the program runs on a local MiniCluster (found through
 * {@link LocalExecutorLookup}).
 */
public final class ExecutionContext {

    private static volatile ExecutionContext installed;

    private final PipelineExecutor executor;
    private final Configuration configuration;
    private final ClassLoader userClassLoader;

    /** Programs submit to {@code executor}, inherit {@code configuration} (copied) and load user classes from {@code userClassLoader}. */
    public ExecutionContext(PipelineExecutor executor, Configuration configuration, ClassLoader userClassLoader) {
        this.executor = Objects.requireNonNull(executor);
        this.configuration = new Configuration(configuration);
        this.userClassLoader = userClassLoader;
    }

    /** Installs the context for programs started in this JVM from now on. */
    public static void install(ExecutionContext context) {
        installed = context;
    }

    /** Removes the installed context; programs started afterwards run stand-alone. */
    public static void uninstall() {
        installed = null;
    }

    /** The installed context, or null when the program runs stand-alone. */
    public static ExecutionContext current() {
        return installed;
    }

    /** Where the program's jobs go. */
    public PipelineExecutor executor() {
        return executor;
    }

    /** The configuration programs inherit. */
    public Configuration configuration() {
        return configuration;
    }

    /** The classloader of the user code; null for the thread's context classloader. */
    public ClassLoader userClassLoader() {
        return userClassLoader;
    }
}
