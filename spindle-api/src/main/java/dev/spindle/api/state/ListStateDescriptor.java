package dev.spindle.api.state;

import java.io.Serializable;
import java.util.Objects;

/** Names a {@link ListState} and says its element type. */
public final class ListStateDescriptor<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final Class<T> elementType;

    public ListStateDescriptor(String name, Class<T> elementType) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A ListStateDescriptor needs a non-empty name");
        }
        this.name = name;
        this.elementType = Objects.requireNonNull(elementType, "element type");
    }

    public String getName() {
        return name;
    }

    public Class<T> getElementType() {
        return elementType;
    }
}
