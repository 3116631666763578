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

    public TamtamApiException(String message, int statusCode, ProblemDetail problem, Duration retryAfter,
                              KeyAccountsResult result, Throwable cause) {
        super(message, result, cause);
        this.statusCode = statusCode;
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    /** No answer to use: an I/O error, a timeout, a TLS failure, an answer too large, a stopped endpoint. Status 0. */
    public static TamtamApiException noAnswer(String message, Throwable cause) {
        return new TamtamApiException(message, 0, null, null, null, cause);
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
    public TamtamApiException withResult(KeyAccountsResult result) {
        TamtamApiException copy = new TamtamApiException(getMessage(), statusCode, problem, retryAfter, result, getCause());
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

    /** The server's Retry-After, when it sent one. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
