/**
 * The values bodies and headers carry, with the API's field names for Jackson: the request and answer of
 * {@code POST /v2/key-accounts}, the credit lines, problem documents, the per-ID result of an exchange
 * ({@code KeyAccountsResult}) and a dry run's plan. Exported (OSGi) and public API.
 * <p>
 * Immutable where Jackson allows; imports nothing of the component.
 */
package io.github.cameltamtam.component.tamtam.model;
