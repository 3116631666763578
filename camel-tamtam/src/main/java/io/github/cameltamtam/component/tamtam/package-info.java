/**
 * The Camel face of the TamTam component: what users, docs, Kamelets, the starter and the Quarkus extension name.
 * {@code TamtamComponent}, {@code TamtamEndpoint}, {@code TamtamConfiguration} (the options), {@code TamtamConstants}
 * (the headers), {@code TamtamOperation}, {@code TamtamCreditCheck}, one producer per operation on the shared
 * asynchronous frame {@code TamtamAsyncProducer}, the health check, the dev console, the verifier, and the typed
 * exceptions routes catch with {@code onException}. Exported (OSGi) with {@code .model}.
 * <p>
 * Keep here only what Camel or a user names: the work of an operation goes to its package ({@code keyaccounts},
 * {@code credits}), HTTP to {@code client}, pacing to {@code pacing}, counters to {@code metrics}. Lower packages may
 * use the options, constants and exceptions, never the component, endpoint or producers ({@code ArchitectureTest}).
 */
package io.github.cameltamtam.component.tamtam;
