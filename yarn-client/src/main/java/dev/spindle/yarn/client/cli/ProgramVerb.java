package dev.spindle.yarn.client.cli;

import org.apache.commons.cli.Options;

/** What the verbs that run a program ({@code run}, {@code run-application}) share: {@code <jar-file> [program arguments]}. */
abstract class ProgramVerb extends Verb {

    ProgramVerb(String name, String description) {
        super(name, description, "<jar-file> [program arguments]");
    }

    @Override
    final Options options() {
        return RunOptions.options();
    }

    @Override
    final boolean stopAtFirstArgument() {
        return true;
    }
}
