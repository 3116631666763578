package io.github.cameltamtam.component.tamtam.pacing;

/**
 * What a shared pacer's store is doing, for the metrics, the health check and the dev console: whether it answers,
 * or the replica paces on its own meanwhile.
 */
public interface SharedStoreState {

    /** The store's type (its {@code ProxyManager}'s class name), never its address or credentials. */
    String storeName();

    /** Whether the last call to the store was answered in time; false while the replica paces on its own. */
    boolean answering();

    /** How many calls to the store failed or were not answered within {@code pacerStoreTimeout}, since start. */
    long failures();
}
