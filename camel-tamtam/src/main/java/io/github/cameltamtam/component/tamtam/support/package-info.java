/**
 * Small helpers with no domain in them, used by several layers ({@code Futures}: the failure inside a
 * {@code CompletionException}). Imports nothing of the component; add here only what has no better home. OSGi-private.
 */
package io.github.cameltamtam.component.tamtam.support;
