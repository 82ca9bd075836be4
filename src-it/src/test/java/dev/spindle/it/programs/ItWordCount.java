package dev.spindle.it.programs;

import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.FlatMapFunction;
import dev.spindle.api.tuple.Tuple2;

/**
 * Word count over text files for the integration tests: {@code <input> <output> }. Splits on
 * whitespace, counts per word, writes {@code word<TAB>count} lines.
 */
public final class ItWordCount {

    private ItWordCount() {
    }

    public static void main(String[] args) throws Exception {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.readTextFile(args[0])
                .flatMap(new Split()).name("Split")
                .keyBy(t -> t.f0)
                .sum(1)
                .map((Tuple2<String, Long> t) -> t.f0 + "\t" + t.f1).name("Format")
                .writeAsText(args[1]);
        System.out.println(env.execute("ItWordCount"));
    }

    /** Lines into (word, 1). */
    public static final class Split implements FlatMapFunction<String, Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String line, Collector<Tuple2<String, Long>> out) {
            for (String w : line.trim().split("\\s+")) {
                if (!w.isEmpty()) {
                    out.collect(new Tuple2<>(w, 1L));
                }
            }
        }
    }
}
