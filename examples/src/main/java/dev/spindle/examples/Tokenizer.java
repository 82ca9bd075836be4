package dev.spindle.examples;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.FlatMapFunction;
import dev.spindle.api.tuple.Tuple2;

/** Splits a line on everything that is not a letter and emits (lower-case word, 1). */
public final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Long>> {

    private static final long serialVersionUID = 1L;
    private static final Long ONE = 1L;

    @Override
    public void flatMap(String line, Collector<Tuple2<String, Long>> out) {
        int length = line.length();
        int start = -1;
        for (int i = 0; i <= length; i++) {
            boolean letter = i < length && Character.isLetter(line.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                out.collect(new Tuple2<>(lowerCase(line, start, i), ONE));
                start = -1;
            }
        }
    }

    private static String lowerCase(String line, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 0x80) {
                return line.substring(start, end).toLowerCase(java.util.Locale.ROOT);
            }
        }
        return line.substring(start, end);
    }
}
