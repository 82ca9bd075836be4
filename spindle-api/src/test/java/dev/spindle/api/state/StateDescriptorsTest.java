package dev.spindle.api.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.typeinfo.TypeHint;
import dev.spindle.api.typeinfo.TypeInformation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StateDescriptorsTest {

    @Test
    void valueStateDescriptorsTakeAClassATypeHintOrADefaultValue() {
        ValueStateDescriptor<Long> byClass = new ValueStateDescriptor<>("a", Long.class);
        assertEquals(Long.class, byClass.getTypeInformation().getTypeClass());
        assertNull(byClass.getDefaultValue());
        ValueStateDescriptor<Long> byDefault = new ValueStateDescriptor<>("b", 0L);
        assertEquals(0L, byDefault.getDefaultValue());
        assertNull(byDefault.getTypeInformation());
        ValueStateDescriptor<Tuple2<String, Long>> byHint = new ValueStateDescriptor<>("c",
                TypeInformation.of(new TypeHint<Tuple2<String, Long>>() { }));
        assertEquals("dev.spindle.api.tuple.Tuple2<java.lang.String, java.lang.Long>", byHint.getTypeInformation().getTypeName());
        assertEquals(Tuple2.class, byHint.getTypeInformation().getTypeClass());
        assertThrows(IllegalArgumentException.class, () -> new ValueStateDescriptor<>(" ", Long.class));
    }

    @Test
    void ttlConfigDefaultsAsInFlinkAndRefusesANonPositiveTtl() {
        StateTtlConfig config = StateTtlConfig.newBuilder(Duration.ofSeconds(5)).build();
        assertEquals(StateTtlConfig.UpdateType.OnCreateAndWrite, config.getUpdateType());
        assertEquals(StateTtlConfig.StateVisibility.NeverReturnExpired, config.getStateVisibility());
        assertFalse(config.isCleanupInFullSnapshot());
        ListStateDescriptor<String> d = new ListStateDescriptor<>("l", String.class);
        assertFalse(d.isTtlEnabled());
        d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(1)).updateTtlOnReadAndWrite().cleanupFullSnapshot().build());
        assertTrue(d.isTtlEnabled());
        assertTrue(d.getTtlConfig().isCleanupInFullSnapshot());
        assertThrows(IllegalArgumentException.class, () -> StateTtlConfig.newBuilder(Duration.ZERO));
    }
}
