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

import java.util.ArrayList;
import java.util.List;

import io.github.cameltamtam.component.tamtam.TamtamInvalidInputException;
import io.github.cameltamtam.component.tamtam.ids.CompactIdSet;
import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;

/**
 * Collects input values one at a time: normalises and validates each, drops duplicates (the first occurrence keeps its
 * place), and either fails on the first invalid value or records it, as configured. Holds only the distinct IDs, in
 * compact form (a {@code long} each, see {@link CompactIdSet}); the IDs it leaves are a read-only view of them.
 */
public final class CompanyIdCollector {

    static final String FIELD = "company_linkedin_ids";

    private final boolean skipInvalid;
    private final CompactIdSet ids = new CompactIdSet();
    private final List<InvalidCompanyLinkedinId> invalid = new ArrayList<>();
    private int duplicates;

    public CompanyIdCollector(boolean skipInvalid) {
        this.skipInvalid = skipInvalid;
    }

    /**
     * Adds one raw value found at the given location.
     *
     * @throws TamtamInvalidInputException when the value is invalid and skipping is off
     */
    public void add(String raw, String location) {
        String id = CompanyLinkedinIdNormalizer.normalize(raw);
        if (id == null) {
            reject(raw, location, CompanyLinkedinIdNormalizer.whyInvalid(raw));
        } else if (!ids.add(id)) {
            duplicates++;
        }
    }

    /** Records (or fails on) a value that is not an ID for a reason found by the reader, e.g. a wrong element type. */
    public void reject(String raw, String location, String reason) {
        if (!skipInvalid) {
            throw new TamtamInvalidInputException(FIELD, raw, location, reason);
        }
        invalid.add(new InvalidCompanyLinkedinId(raw, location, reason));
    }

    public CompanyLinkedinIds result() {
        return new CompanyLinkedinIds(ids.toList(), List.copyOf(invalid), duplicates);
    }
}
