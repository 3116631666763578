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
package io.github.cameltamtam.component.tamtam.model;

import java.io.Serializable;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An input value that is not a LinkedIn numeric company ID, with where it was found.
 *
 * @param value    the value as found in the input
 * @param location where it was: {@code line 7} of a CSV, {@code index 3} of a list, {@code company_linkedin_ids[2]}
 * @param reason   why it is not valid
 */
public record InvalidCompanyLinkedinId(
        @JsonProperty("value") String value,
        @JsonProperty("location") String location,
        @JsonProperty("reason") String reason) implements Serializable {
}
