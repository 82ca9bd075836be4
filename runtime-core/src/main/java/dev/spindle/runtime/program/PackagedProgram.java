package dev.spindle.runtime.program;

import dev.spindle.configuration.Configuration;
import java.io.File;
import java.net.URL;
import java.util.List;

/**
 * A user program in a jar: its entry class (from {@code -c} or the manifest's Main-Class), its
 * arguments, and a user-code classloader (child-first unless {@code classloader.resolve-order} is
 * parent-first). {@link #invokeMain()} runs {@code main(String[])} with that classloader as the
 * thread's context classloader.
 */
public final class PackagedProgram {

    /**
     * Loads the program; throws ProgramInvocationException with a user-facing message when the
     * jar is missing or not a jar, no entry class is given or found, or it has no
     * {@code public static void main(String[])}.
     */
    public static PackagedProgram create(File jar, String entryClassOrNull, String[] args, List<URL> extraClasspath,
            Configuration configuration) throws ProgramInvocationException {
        // Filled in by the foundation issue.
        throw new UnsupportedOperationException("not built yet");
    }

    public String getMainClassName() {
        throw new UnsupportedOperationException();
    }

    public ClassLoader getUserCodeClassLoader() {
        throw new UnsupportedOperationException();
    }

    public String[] getArguments() {
        throw new UnsupportedOperationException();
    }

    /** Runs main(); an exception thrown by the program comes back as the cause of ProgramInvocationException. */
    public void invokeMain() throws ProgramInvocationException {
        throw new UnsupportedOperationException();
    }
}
