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
package io.github.cameltamtam.component.tamtam;

import java.time.Duration;
import java.util.List;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.component.tamtam.model.ProblemDetail;

/**
 * The API answered with an error status (after any retries), or the request could not be completed (I/O error,
 * timeout, malformed answer; then {@link #getStatusCode()} is 0 and the cause is set). Carries the problem+json
 * details and, in {@link #getResult()}, the merged result of the requests already done.
 */
public class TamtamApiException extends TamtamException {

    private final int statusCode;
    private final transient ProblemDetail problem;
    private final Duration retryAfter;
    private final boolean retrySafe;

    public TamtamApiException(String message, int statusCode, ProblemDetail problem, Duration retryAfter,
            KeyAccountsResult result, Throwable cause) {
        this(message, statusCode, problem, retryAfter, result, cause, retrySafe(statusCode));
    }

    private TamtamApiException(String message, int statusCode, ProblemDetail problem, Duration retryAfter,
            KeyAccountsResult result, Throwable cause, boolean retrySafe) {
        super(message, result, cause);
        this.statusCode = statusCode;
        this.problem = problem;
        this.retryAfter = retryAfter;
        this.retrySafe = retrySafe;
    }

    /** No answer to use: an I/O error, a timeout, a stopped endpoint. Status 0; a redelivery may succeed. */
    public static TamtamApiException noAnswer(String message, Throwable cause) {
        return new TamtamApiException(message, 0, null, null, null, cause, true);
    }

    /**
     * No answer, and sending the same request again cannot help: a TLS failure, an answer over the size cap, a JVM
     * error. Status 0; {@link #isRetrySafe()} is false.
     */
    public static TamtamApiException noAnswerFinal(String message, Throwable cause) {
        return new TamtamApiException(message, 0, null, null, null, cause, false);
    }

    /** The API answered {@code statusCode}, an error, with its problem document (or null) and Retry-After (or null). */
    public static TamtamApiException answered(String message, int statusCode, ProblemDetail problem,
            Duration retryAfter) {
        return new TamtamApiException(message, statusCode, problem, retryAfter, null, null);
    }

    /** The API answered {@code statusCode} with a body that cannot be used (malformed, or missing what is needed). */
    public static TamtamApiException unusableAnswer(String message, int statusCode, Throwable cause) {
        return new TamtamApiException(message, statusCode, null, null, null, cause);
    }

    /** The same failure, carrying the merged result of the exchange. */
    @Override
    public TamtamApiException withResult(KeyAccountsResult result) {
        TamtamApiException copy = new TamtamApiException(getMessage(), statusCode, problem, retryAfter, result,
                getCause(), retrySafe);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** HTTP status of the last answer, or 0 when no answer was received. */
    public int getStatusCode() {
        return statusCode;
    }

    /** The problem+json {@code title}, or null. */
    public String getTitle() {
        return problem == null ? null : problem.getTitle();
    }

    /** The problem+json {@code detail} (or the rate limiter's {@code Message}), or null. */
    public String getDetail() {
        if (problem == null) {
            return null;
        }
        return problem.getDetail() != null ? problem.getDetail() : problem.getMessage();
    }

    /** The problem+json {@code errors[]}; empty when none. */
    public List<ProblemDetail.ProblemError> getErrors() {
        return problem == null || problem.getErrors() == null ? List.of() : problem.getErrors();
    }

    /** The whole problem document, or null when the answer had none. */
    public ProblemDetail getProblem() {
        return problem;
    }

    /** The server's Retry-After, when it sent one: how long a redelivery policy should wait at least. */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    /**
     * Whether redelivering the exchange is safe and may succeed: true when no answer came (I/O error, timeout,
     * connection reset) and for 408, 429 and 5xx answers, after the component's own retries; false for the other
     * answers (401, 403, 400, 404, 422: the same request gets the same answer) and for a TLS failure or an answer over
     * the size cap. Safe because adding a company twice costs nothing: the second answer reports it present.
     */
    public boolean isRetrySafe() {
        return retrySafe;
    }

    private static boolean retrySafe(int statusCode) {
        return statusCode == 0 || statusCode == 408 || statusCode == 429 || statusCode >= 500
                || (statusCode >= 200 && statusCode < 300); // an unusable 2xx answer: its IDs' outcome is unknown
    }
}
