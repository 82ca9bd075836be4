package dev.spindle.api.windowing.windows;

import java.io.Serializable;

/** A group of records that is evaluated together; subclasses say which records belong to it. */
public abstract class Window implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The largest timestamp that still belongs to this window. */
    public abstract long maxTimestamp();
}
