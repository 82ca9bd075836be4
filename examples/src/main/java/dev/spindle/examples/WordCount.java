package dev.spindle.examples;

import dev.spindle.api.DataStream;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.tuple.Tuple2;
import java.util.Set;

/**
 * Counts words in text files on any Hadoop FileSystem ({@code --input}, a file or directory) and
 * writes {@code word<TAB>count} lines into {@code --output} (one part file per parallel sink), or
 * prints them. Without {@code --input} it counts a built-in text.
 */
public final class WordCount {

    static final String USAGE = "Usage: WordCount [--input <file or directory>] [--output <directory>] [--parallelism <n>]";

    private WordCount() {
    }

    public static void main(String[] args) throws Exception {
        Args params = Args.parse(args, Set.of("input", "output", "parallelism"), USAGE);
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        if (params.has("parallelism")) {
            env.setParallelism((int) params.getLong("parallelism", 1, USAGE));
        }
        DataStream<String> text;
        if (params.has("input")) {
            text = env.readTextFile(params.get("input"));
        } else {
            System.out.println("No --input given: counting the built-in text. " + USAGE);
            text = env.fromElements(BuiltInText.LINES);
        }
        DataStream<String> counts = text
                .flatMap(new Tokenizer()).name("Tokenizer")
                .keyBy(t -> t.f0)
                .sum(1)
                .map((Tuple2<String, Long> t) -> t.f0 + "\t" + t.f1).name("Format");
        if (params.has("output")) {
            counts.writeAsText(params.get("output"));
        } else {
            counts.print();
        }
        System.out.println(env.execute("WordCount"));
    }
}
