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
package io.github.cameltamtam.component.tamtam.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

import javax.net.ssl.SSLException;

import io.github.cameltamtam.component.tamtam.TamtamApiException;
import io.github.cameltamtam.component.tamtam.TamtamPacerStoreException;
import io.github.cameltamtam.component.tamtam.model.ProblemDetail;
import io.github.cameltamtam.component.tamtam.pacing.PacerStoreException;

/**
 * The failures of one client's calls, as users read them: the message of an error answer built from its problem
 * document, the failures that no retry can help (TLS, an answer over the size cap, a JVM error), and causes attached
 * only when no message in their chain holds the key. Every text is redacted ({@link KeyRedactor}).
 */
final class ApiFailures {

    private final KeyRedactor redactor;
    private final String host;

    /** @param host the API's host, named by a TLS failure */
    ApiFailures(KeyRedactor redactor, String host) {
        this.redactor = redactor;
        this.host = host;
    }

    /** "TamTam API answered 422 Unprocessable: detail; location message (value v)" plus {@code suffix}. */
    TamtamApiException answered(int status, ProblemDetail problem, Duration retryAfter, String suffix) {
        StringBuilder message = new StringBuilder("TamTam API answered ").append(status);
        if (problem != null) {
            if (problem.getTitle() != null) {
                message.append(' ').append(problem.getTitle());
            }
            String detail = problem.getDetail() != null ? problem.getDetail() : problem.getMessage();
            if (detail != null) {
                message.append(": ").append(detail);
            }
            if (problem.getErrors() != null) {
                for (ProblemDetail.ProblemError e : problem.getErrors()) {
                    message.append("; ").append(e.location()).append(' ').append(e.message());
                    if (e.value() != null) {
                        message.append(" (value ").append(e.value()).append(')');
                    }
                }
            }
        }
        message.append(suffix);
        return TamtamApiException.answered(redactor.redact(message.toString()), status, problem, retryAfter);
    }

    /**
     * The failure of a call that got no answer when retrying cannot help: a TLS failure, an answer over the size cap,
     * a JVM error (OutOfMemoryError...); null when it may be retried (I/O errors, timeouts).
     *
     * @param what the cause's class and message, redacted
     */
    TamtamApiException notRetryable(Throwable cause, String what, ApiRequest<?> request) {
        SSLException tls = find(cause, SSLException.class);
        if (tls != null && tls.getMessage() != null
                && (tls.getMessage().contains("plaintext") || tls.getMessage().contains("nrecognized SSL message"))) {
            return TamtamApiException.noAnswerFinal("The server at " + host + " answered in plain text, not TLS: it "
                    + "serves http://, not the https:// of baseUrl (plain http is "
                    + "accepted for loopback hosts only); not retried", null);
        }
        if (tls != null) {
            return TamtamApiException
                    .noAnswerFinal("TLS handshake with " + host + " failed: " + redactor.redact(tls.getMessage())
                            + ". The server's certificate must be trusted by the JVM or by the "
                            + "sslContextParameters option; not retried", safeCause(tls));
        }
        if (find(cause, BoundedBody.AnswerTooLarge.class) != null) {
            return TamtamApiException.noAnswerFinal("TamTam API answer to " + request.describe() + " is larger than "
                    + request.maxAnswerBytes()
                    + " bytes: download stopped, connection closed; not retried", null);
        }
        if (cause instanceof Error) {
            return TamtamApiException.noAnswerFinal("TamTam API request failed: " + what + "; not retried",
                    safeCause(cause));
        }
        return null;
    }

    /**
     * A failure of the pacer as the exchange fails with it: the shared pacer's store failing becomes a
     * {@link TamtamPacerStoreException}; anything else (the context stopping) is returned as it is.
     */
    Throwable pacerFailed(Throwable error) {
        if (error instanceof PacerStoreException store) {
            return new TamtamPacerStoreException(redactor.redact(store.getMessage())
                    + "; the request was not sent, redelivering is safe", null,
                    safeCause(store.getCause()));
        }
        return error;
    }

    /** Whether the failure happened before the request could reach the server: no connection, no address. */
    static boolean neverReachedTheServer(Throwable cause) {
        return find(cause, ConnectException.class) != null
                || find(cause, HttpConnectTimeoutException.class) != null
                || find(cause, UnresolvedAddressException.class) != null
                || find(cause, UnknownHostException.class) != null;
    }

    /** What went wrong with an attempt that got no answer, for a message: "unknown host h", or the cause's class and text. */
    String describe(Throwable cause) {
        if (find(cause, UnresolvedAddressException.class) != null || find(cause, UnknownHostException.class) != null) {
            return "unknown host " + host + " (no address found for it)";
        }
        return redactor.redact(cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"));
    }

    /** {@code error} to attach as a cause, or null when any message in its chain holds the key. */
    Throwable safeCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.equals(redactor.redact(message))) {
                return null;
            }
        }
        return error;
    }

    /** " after 3 attempts", or nothing for the first attempt. */
    static String attempts(int attempt) {
        return attempt == 0 ? "" : " after " + (attempt + 1) + " attempts";
    }

    /** The problem document of an (already redacted) error answer, or null. */
    static ProblemDetail problem(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ApiJson.MAPPER.readValue(text, ProblemDetail.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static <E extends Throwable> E find(Throwable error, Class<E> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
