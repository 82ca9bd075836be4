package dev.spindle.runtime.operators.windowing;

import dev.spindle.api.windowing.windows.Window;
import java.io.Serializable;

/** The namespace of a trigger's state for one window: apart from the window function's per-window state of the same name. */
record TriggerStateNamespace(Window window) implements Serializable {
}
