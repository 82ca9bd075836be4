package dev.spindle.runtime.resourcemanager;

import java.io.Serializable;

/** Identifies a worker process, e.g. its YARN container id. */
public record ResourceID(String id) implements Serializable {

    @Override
    public String toString() {
        return id;
    }
}
