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
