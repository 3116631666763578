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

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An error answer of the API: RFC 9457 {@code application/problem+json}, or the rate limiter's plain
 * {@code {"Message": "..."}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class ProblemDetail {

    @JsonProperty("type")
    private String type;
    @JsonProperty("title")
    private String title;
    @JsonProperty("status")
    private Integer status;
    @JsonProperty("detail")
    private String detail;
    @JsonProperty("instance")
    private String instance;
    @JsonProperty("errors")
    private List<ProblemError> errors;
    @JsonProperty("Message")
    private String message;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Integer getStatus() {
        return status;
    }

    public void setStatus(Integer status) {
        this.status = status;
    }

    public String getDetail() {
        return detail;
    }

    public void setDetail(String detail) {
        this.detail = detail;
    }

    public String getInstance() {
        return instance;
    }

    public void setInstance(String instance) {
        this.instance = instance;
    }

    public List<ProblemError> getErrors() {
        return errors;
    }

    public void setErrors(List<ProblemError> errors) {
        this.errors = errors;
    }

    /** The {@code Message} of a plain rate-limit answer. */
    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    /**
     * One item of {@code errors[]}.
     *
     * @param location where the problem is, e.g. {@code body.company_linkedin_ids[3]}
     * @param message  what is wrong
     * @param value    the offending value
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProblemError(
            @JsonProperty("location") String location,
            @JsonProperty("message") String message,
            @JsonProperty("value") Object value) {
    }
}
