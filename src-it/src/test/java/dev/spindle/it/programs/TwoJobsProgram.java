package dev.spindle.it.programs;

import dev.spindle.api.StreamEnvironment;

/** Builds and executes two jobs one after the other: fine in application mode, refused in per-job mode. */
public final class TwoJobsProgram {

    private TwoJobsProgram() {
    }

    public static void main(String[] args) throws Exception {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.fromSequence(1, 10).print();
        env.execute("first");
        env.fromSequence(1, 10).print();
        env.execute("second");
    }
}
