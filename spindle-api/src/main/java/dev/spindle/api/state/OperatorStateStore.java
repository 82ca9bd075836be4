package dev.spindle.api.state;

/** Non-keyed state of one parallel subtask of an operator, kept in checkpoints under the operator's uid. */
public interface OperatorStateStore {

    /**
     * The list state named by the descriptor, with even-split redistribution: restored with this
     * subtask's part; after a change of parallelism the elements of all old subtasks are split evenly
     * (in contiguous ranges) over the new subtasks.
     */
    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    /**
     * The list state named by the descriptor, with union redistribution: on every restore each subtask
     * gets the elements of all subtasks of the checkpoint.
     */
    <T> ListState<T> getUnionListState(ListStateDescriptor<T> descriptor);
}
