package dev.spindle.api.state;

import dev.spindle.api.typeinfo.TypeInformation;

/** Names a {@link ListState} and says its element type. */
public final class ListStateDescriptor<T> extends StateDescriptor<ListState<T>, T> {

    private static final long serialVersionUID = 1L;

    /** A list state named {@code name} with elements of {@code elementType}. */
    public ListStateDescriptor(String name, Class<T> elementType) {
        super(name, typeOf(elementType));
    }

    /** A list state named {@code name} with elements of the given type (e.g. from a {@code TypeHint}). */
    public ListStateDescriptor(String name, TypeInformation<T> elementType) {
        super(name, java.util.Objects.requireNonNull(elementType, "element type"));
    }

    /** The class of the elements. */
    @SuppressWarnings("unchecked")
    public Class<T> getElementType() {
        return (Class<T>) getTypeInformation().getTypeClass();
    }
}
