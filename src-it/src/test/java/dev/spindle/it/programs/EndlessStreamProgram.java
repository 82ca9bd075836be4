package dev.spindle.it.programs;

import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.functions.SinkFunction;

/** A streaming job that never ends by itself: an unbounded, slowed-down generator into a sink that drops everything. */
public final class EndlessStreamProgram {

    private EndlessStreamProgram() {
    }

    public static void main(String[] args) throws Exception {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(1);
        env.fromGenerator(i -> {
            Thread.sleep(5); // a trickle is enough: the test only needs a job that keeps RUNNING
            return i;
        }).name("Endless").addSink(new Drop());
        env.execute("EndlessStream");
    }

    /** Drops every record. */
    public static final class Drop implements SinkFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(Long value) {
        }
    }
}
