package dev.spindle.runtime.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spindle.api.tuple.Tuple2;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordSerializerTest {

    record Point(int x, String label) implements Serializable {
    }

    private final RecordSerializer serializer = new RecordSerializer(getClass().getClassLoader());

    private List<Object> roundTrip(List<Object> values, boolean direct) throws IOException {
        DataOutputBuffer out = new DataOutputBuffer(16);
        for (Object v : values) {
            serializer.serialize(v, out);
        }
        ByteBuffer in = direct ? ByteBuffer.allocateDirect(out.length()) : ByteBuffer.allocate(out.length());
        in.put(out.array(), 0, out.length()).flip();
        List<Object> back = new ArrayList<>();
        while (in.hasRemaining()) {
            back.add(serializer.deserialize(in));
        }
        return back;
    }

    static List<Object> samples() {
        List<Object> values = new ArrayList<>();
        values.add("hello");
        values.add("");
        values.add("grüße, 日本語 and emoji \uD83D\uDE00");
        values.add("x".repeat(100_000));
        values.add(Long.MIN_VALUE);
        values.add(42L);
        values.add(Integer.MAX_VALUE);
        values.add(-7);
        values.add(Math.PI);
        values.add(Double.NaN);
        values.add(Boolean.TRUE);
        values.add(Boolean.FALSE);
        values.add(null);
        values.add(Tuple2.of("word", 3L));
        values.add(Tuple2.of(Tuple2.of(1, null), Tuple2.of("nested", Tuple2.of(true, 2.5))));
        values.add(new Point(3, "p"));
        values.add(Arrays.asList(1, 2, 3));
        return values;
    }

    @Test
    void builtInTypesAndFallbackRoundTripOnHeapAndDirectBuffers() throws IOException {
        List<Object> values = samples();
        assertEquals(values, roundTrip(values, false));
        assertEquals(values, roundTrip(values, true));
    }

    @Test
    void byteArraysRoundTrip() throws IOException {
        byte[] bytes = {1, 2, 3, -128, 127};
        List<Object> back = roundTrip(List.of(bytes, new byte[0]), false);
        assertArrayEquals(bytes, (byte[]) back.get(0));
        assertEquals(0, ((byte[]) back.get(1)).length);
    }

    @Test
    void builtInTypesDoNotUseJavaSerialization() {
        DataOutputBuffer out = new DataOutputBuffer(16);
        serializer.serialize(Tuple2.of("word", 1L), out);
        // tag + (tag, varint length, 4 chars) + (tag, 8 bytes)
        assertEquals(1 + (1 + 1 + 4) + (1 + 8), out.length());
        assertEquals(RecordSerializer.TUPLE2, out.array()[0]);
    }

    @Test
    void corruptTagIsReportedClearly() {
        ByteBuffer in = ByteBuffer.wrap(new byte[] {99});
        IOException e = assertThrows(IOException.class, () -> serializer.deserialize(in));
        assertFalse(e.getMessage().isEmpty());
        assertEquals(true, e.getMessage().contains("unknown type tag 99"));
    }

    @Test
    void nonSerializableFallbackNamesTheClass() {
        Object notSerializable = new Object() {
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> serializer.serialize(notSerializable, new DataOutputBuffer(16)));
        assertEquals(true, e.getMessage().contains("Serializable"), e.getMessage());
    }
}
