package dev.spindle.it.programs;

/** A program whose main() throws before it builds any job. */
public final class FailingProgram {

    public static final String MESSAGE = "deliberate failure: input directory /no/such/dir is missing";

    private FailingProgram() {
    }

    public static void main(String[] args) {
        throw new IllegalStateException(MESSAGE);
    }
}
