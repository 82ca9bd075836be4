package dev.spindle.runtime.state;

import dev.spindle.api.typeinfo.TypeInformation;

/**
 * Checks that what a checkpoint or savepoint restores into a state has the types the job now
 * declares, so a changed key or state type fails the restore naming the state and both types,
 * instead of a {@link ClassCastException} somewhere in user code.
 */
final class RestoredStateTypes {

    private static final String FIX = "A savepoint or checkpoint restores only into state of the same type: change the type back,"
            + " or give the state a new name (or the operator a new uid and restore with -n, --allowNonRestoredState).";

    private RestoredStateTypes() {
    }

    /** Fails when the restored {@code sample} is not of the declared type; an undeclared (null or Object) type accepts anything. */
    static void checkDeclared(String stateName, String what, Object sample, TypeInformation<?> declared) {
        if (sample == null || declared == null) {
            return;
        }
        Class<?> type = boxed(declared.getTypeClass());
        if (type == null || type == Object.class || type.isInstance(sample)) {
            return;
        }
        throw new StateTypeMismatchException("State '" + stateName + "' was restored with " + what + " of type "
                + sample.getClass().getName() + ", but the job declares " + declared.getTypeName() + ". " + FIX);
    }

    /** Fails when a key of the running job is not of the type of the keys the state was restored with. */
    static void checkKey(String stateName, Class<?> restoredKeyType, Object key) {
        if (!restoredKeyType.isInstance(key)) {
            throw new StateTypeMismatchException("State '" + stateName + "' was restored with keys of type " + restoredKeyType.getName()
                    + ", but this job's keys (keyBy) are of type " + key.getClass().getName() + ". " + FIX);
        }
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == null || !type.isPrimitive()) {
            return type;
        }
        return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }

    /** A restored state whose key or value type differs from the job's. */
    static final class StateTypeMismatchException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        StateTypeMismatchException(String message) {
            super(message);
        }
    }
}
