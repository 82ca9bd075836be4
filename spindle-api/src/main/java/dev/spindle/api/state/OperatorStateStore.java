package dev.spindle.api.state;

/** Non-keyed state of one parallel subtask of an operator, kept in checkpoints under the operator's uid. */
public interface OperatorStateStore {

    /** The list state named by the descriptor; restored with this subtask's part after a recovery. */
    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);
}
