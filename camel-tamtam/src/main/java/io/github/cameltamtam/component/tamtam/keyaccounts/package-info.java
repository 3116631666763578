/**
 * How one {@code tamtam:keyAccounts} exchange runs once its producer hands it on: the per-exchange parameters
 * ({@code RequestParameters}), the IDs read once per exchange ({@code ReadOnce}), the batches ({@code KeyAccountsPlanner}),
 * the credit pre-flight ({@code KeyAccountsPreflight}), the paced batch run ({@code KeyAccountsBatchRun}), the merged
 * result ({@code KeyAccountsResultMerger}), the result headers ({@code ResultHeaders}), the dry run and the operation's
 * API call ({@code KeyAccountsApi}).
 * <p>
 * Uses {@code input}, {@code client}, {@code credits}, the model and the face's options, constants and exceptions;
 * never the component, endpoint or producers. OSGi-private: may change in any release.
 */
package io.github.cameltamtam.component.tamtam.keyaccounts;
