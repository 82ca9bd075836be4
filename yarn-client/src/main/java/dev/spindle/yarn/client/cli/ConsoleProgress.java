package dev.spindle.yarn.client.cli;

import java.io.PrintStream;

import dev.spindle.yarn.client.api.ProgressListener;

/** Prints a client's progress lines to one stream and its notices to another. */
final class ConsoleProgress implements ProgressListener {

    private final PrintStream progress;
    private final PrintStream notices;

    ConsoleProgress(PrintStream progress, PrintStream notices) {
        this.progress = progress;
        this.notices = notices;
    }

    @Override
    public void progress(String line) {
        progress.println(line);
    }

    @Override
    public void notice(String line) {
        notices.println(line);
    }
}
