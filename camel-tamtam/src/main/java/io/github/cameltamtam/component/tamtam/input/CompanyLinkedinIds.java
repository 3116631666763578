/*
 * Copyright 2026 The camel-tamtam authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
