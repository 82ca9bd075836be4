package dev.spindle.api.functions;

import java.io.Serializable;

/** Marker of every user function: serializable so it can be shipped inside the job graph. */
public interface Function extends Serializable {
}
