package dev.spindle.configuration;

/** Options every part of Spindle reads. */
public final class CoreOptions {

    private CoreOptions() {
    }

    public static final ConfigOption<Integer> DEFAULT_PARALLELISM = ConfigOptions.key("parallelism.default")
            .intType().defaultValue(1)
            .withDescription("Parallelism of operators and sources that set none themselves.")
            .checkedBy(Range.atLeast(1));

    public static final ConfigOption<String> CLASSLOADER_RESOLVE_ORDER = ConfigOptions.key("classloader.resolve-order")
            .stringType().defaultValue("child-first")
            .withDescription("Where user code looks for classes first: 'child-first' (the user jar) or 'parent-first' (Spindle's classpath).");

    public static final ConfigOption<java.util.List<String>> PARENT_FIRST_PATTERNS_ADDITIONAL = ConfigOptions
            .key("classloader.parent-first-patterns.additional").stringListType().defaultValue(java.util.List.of())
            .withDescription("Extra class name prefixes (';'-separated) that user code always loads from Spindle's classpath, even child-first.");
}
