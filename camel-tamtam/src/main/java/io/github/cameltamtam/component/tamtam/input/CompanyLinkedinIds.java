package io.github.cameltamtam.component.tamtam.input;

import java.util.List;

import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;

/**
 * The company IDs read from one exchange's input: distinct valid IDs in first-occurrence order, the invalid values
 * skipped (only when skipping is allowed) and how many duplicates were dropped.
 *
 * @param ids        distinct valid IDs, in input order
 * @param invalid    invalid values skipped, with their locations
 * @param duplicates occurrences dropped because the ID came earlier in the input
 */
public record CompanyLinkedinIds(List<String> ids, List<InvalidCompanyLinkedinId> invalid, int duplicates) {
}
