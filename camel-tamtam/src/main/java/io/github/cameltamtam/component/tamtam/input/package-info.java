/**
 * Body to company IDs: the readers of every supported body shape (lists, arrays, CSV, streams, files, request
 * objects), the LinkedIn-ID rules, CSV delimiter and column choice, and the email rule ({@code EmailAddress}).
 * Produces {@code CompanyLinkedinIds}: distinct valid IDs in input order, duplicates and invalid values counted.
 * <p>
 * Imports nothing of the Camel face but {@code TamtamInvalidInputException} (the error naming field, value and line),
 * and nothing of {@code client}, {@code pacing} or {@code keyaccounts}. OSGi-private.
 */
package io.github.cameltamtam.component.tamtam.input;
