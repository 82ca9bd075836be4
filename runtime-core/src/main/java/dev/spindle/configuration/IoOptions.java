package dev.spindle.configuration;

/** Local file use of Spindle's processes ({@code io.*}). */
public final class IoOptions {

    private IoOptions() {
    }

    public static final ConfigOption<String> TMP_DIRS = ConfigOptions.key("io.tmp.dirs")
            .stringType().noDefaultValue()
            .withDescription("Local directory under which TaskExecutors create their owner-only dir for downloaded user jars; defaults to the YARN container's working dir, or java.io.tmpdir outside YARN.");
}
