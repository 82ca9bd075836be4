package dev.spindle.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationParsingTest {

    enum Mode { CHILD_FIRST, PARENT_FIRST }

    private static final ConfigOption<MemorySize> MEM = ConfigOptions.key("x.mem").memoryType().noDefaultValue();
    private static final ConfigOption<Duration> DUR = ConfigOptions.key("x.dur").durationType().noDefaultValue();
    private static final ConfigOption<Boolean> BOOL = ConfigOptions.key("x.bool").booleanType().defaultValue(false);
    private static final ConfigOption<Mode> MODE = ConfigOptions.key("x.mode").enumType(Mode.class).noDefaultValue();
    private static final ConfigOption<List<String>> LIST = ConfigOptions.key("x.list").stringListType().noDefaultValue();
    private static final ConfigOption<Integer> INT = ConfigOptions.key("x.int").intType().defaultValue(7);

    private static <T> T read(ConfigOption<T> option, String text) {
        return new Configuration().setString(option.key(), text).get(option);
    }

    private static String error(ConfigOption<?> option, String text) {
        return assertThrows(IllegalConfigurationException.class, () -> read(option, text)).getMessage();
    }

    @Test
    void memorySizesWithUnits() {
        assertEquals(1024L << 20, read(MEM, "1024m").getBytes());
        assertEquals(2L << 30, read(MEM, "2g").getBytes());
        assertEquals(3L << 29, read(MEM, "1.5g").getBytes());
        assertEquals(64L << 10, read(MEM, "64 kb").getBytes());
        assertEquals(100, read(MEM, "100").getBytes(), "a bare number in the config file is bytes");
        assertEquals(512L << 20, MemorySize.parse("512", MemorySize.Unit.MEGA).getBytes(), "-jm/-tm: bare number is MB");
        assertEquals(1L << 30, read(MEM, " 1G ").getBytes());
    }

    @Test
    void badMemoryUnitNamesKeyValueAndUnits() {
        String m = error(MEM, "2gigs");
        assertTrue(m.contains("'x.mem'") && m.contains("'2gigs'"), m);
        assertTrue(m.contains("unknown memory unit 'gigs'"), m);
        assertTrue(error(MEM, "g").contains("must start with a number"));
        assertTrue(error(MEM, "1.2.3m").contains("'x.mem'"));
    }

    @Test
    void durations() {
        assertEquals(Duration.ofMillis(500), read(DUR, "500ms"));
        assertEquals(Duration.ofSeconds(10), read(DUR, "10 s"));
        assertEquals(Duration.ofMinutes(5), read(DUR, "5min"));
        assertEquals(Duration.ofHours(1), read(DUR, "1h"));
        assertEquals(Duration.ofMillis(250), read(DUR, "250"));
        String m = error(DUR, "10 fortnights");
        assertTrue(m.contains("'x.dur'") && m.contains("'10 fortnights'") && m.contains("fortnights"), m);
    }

    @Test
    void booleansAreStrict() {
        assertEquals(true, read(BOOL, "true"));
        assertEquals(false, read(BOOL, "FALSE"));
        String m = error(BOOL, "yes");
        assertTrue(m.contains("'x.bool'") && m.contains("'yes'") && m.contains("true or false"), m);
    }

    @Test
    void enumsAcceptDashesAndAnyCase() {
        assertEquals(Mode.PARENT_FIRST, read(MODE, "parent-first"));
        assertEquals(Mode.CHILD_FIRST, read(MODE, "CHILD_FIRST"));
        String m = error(MODE, "sideways");
        assertTrue(m.contains("'sideways'") && m.contains("CHILD_FIRST") && m.contains("PARENT_FIRST"), m);
    }

    @Test
    void listsSplitOnSemicolon() {
        assertEquals(List.of("a", "b", "c"), read(LIST, "a; b;;c"));
        assertEquals(List.of(), read(LIST, ""));
        assertEquals("a;b", Configuration.toText(List.of("a", "b")));
    }

    @Test
    void integersAndDefaults() {
        assertEquals(7, new Configuration().get(INT));
        assertEquals(12, read(INT, "12"));
        String m = error(INT, "twelve");
        assertTrue(m.contains("'x.int'") && m.contains("'twelve'") && m.contains("an integer"), m);
    }

    @Test
    void typedValuesRoundTripThroughText() {
        Configuration conf = new Configuration();
        conf.set(MEM, MemorySize.parse("1.5g"));
        conf.set(DUR, Duration.ofSeconds(3));
        conf.set(MODE, Mode.PARENT_FIRST);
        assertEquals(MemorySize.parse("1536m"), conf.get(MEM));
        assertEquals(Duration.ofSeconds(3), conf.get(DUR));
        assertEquals(Mode.PARENT_FIRST, conf.get(MODE));
    }

    @Test
    void dynamicPropertiesOverrideAndRejectMalformed() {
        Configuration conf = DynamicProperties.parse(List.of("parallelism.default=4", "a.b = x=y", "empty="));
        assertEquals(4, conf.get(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals("x=y", conf.getString("a.b"));
        assertEquals("", conf.getString("empty"));
        String m = assertThrows(IllegalConfigurationException.class,
                () -> DynamicProperties.parse(List.of("parallelism.default"))).getMessage();
        assertTrue(m.contains("-Dparallelism.default") && m.contains("-Dkey=value"), m);
        assertThrows(IllegalConfigurationException.class, () -> DynamicProperties.parse(List.of("=4")));
    }
}
