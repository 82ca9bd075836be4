package dev.spindle.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * Names a side output of an operator: records emitted with {@code ctx.output(tag, value)} (or late
 * window data) go there instead of the main output; {@code getSideOutput(tag)} reads them. Tags
 * with equal ids are the same side output. Create it as an anonymous subclass ({@code new
 * OutputTag<String>("late") {}}) or with the element type ({@code new OutputTag<>("late", String.class)}).
 */
public class OutputTag<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;

    /** A tag named {@code id}. */
    public OutputTag(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an OutputTag needs a non-empty id");
        }
        this.id = id;
    }

    /** A tag named {@code id} for elements of {@code elementType}. */
    public OutputTag(String id, Class<T> elementType) {
        this(id);
        Objects.requireNonNull(elementType, "element type");
    }

    /** The side output's name. */
    public String getId() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputTag<?> other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "OutputTag(" + id + ")";
    }
}
