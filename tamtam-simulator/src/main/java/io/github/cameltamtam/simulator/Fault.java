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
package io.github.cameltamtam.simulator;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fault the simulator injects into one request, queued with {@link Faults#enqueue(Fault)} or drawn by
 * {@link RandomFaults}. {@link #body}, {@link #header} and {@link #afterProcessing} refine the fault and return
 * it, for chaining; {@link Faults#enqueue(Fault)} queues a copy, so changes made after enqueueing have no
 * effect and one {@code Fault} may be enqueued several times.
 *
 * <p>Kinds:
 * <ul>
 *   <li>{@link #status(int)}: answer this status instead of the real answer; the request is <em>not</em>
 *       processed (no state change) unless {@link #afterProcessing()} is set;</li>
 *   <li>{@link #delay(Duration)}: wait, then process and answer normally;</li>
 *   <li>{@link #reset()}: read the request, then reset the TCP connection (RST) without processing or answering;</li>
 *   <li>{@link #resetAfterProcessing()}: process the request (state changes, credits charged), then RST;</li>
 *   <li>{@link #malformedBody()}: process the request, then answer {@code 200 application/json} with a truncated,
 *       invalid JSON body;</li>
 *   <li>{@link #endlessBody()}: answer {@code 200 application/json} with a chunked body that never ends, written as
 *       fast as the client reads it, until the client closes the connection (not processed);</li>
 *   <li>{@link #stalledBody()}: answer {@code 200 application/json} announcing a body, send its first bytes, then
 *       nothing more until the client closes the connection (not processed).</li>
 * </ul>
 * The simulator's configured latency applies on top of every kind.
 */
public final class Fault {

    enum Kind {
        STATUS, DELAY, RESET, RESET_AFTER_PROCESSING, MALFORMED_BODY, ENDLESS_BODY, STALLED_BODY
    }

    private final Kind kind;
    private final int status;
    private final Duration delay;
    private String contentType;
    private String body;
    private final Map<String, String> headers;
    private boolean afterProcessing;

    private Fault(Kind kind, int status, String contentType, String body, Map<String, String> headers,
            Duration delay, boolean afterProcessing) {
        this.kind = kind;
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.headers = new LinkedHashMap<>(headers);
        this.delay = delay;
        this.afterProcessing = afterProcessing;
    }

    private static Fault of(Kind kind) {
        return new Fault(kind, 0, null, null, Map.of(), Duration.ZERO, false);
    }

    /**
     * Answers {@code code} instead of the real answer. Default body: for 429 exactly
     * {@code {"Message": "Too Many Requests"}} ({@code application/json}); for other 4xx/5xx an RFC 9457
     * {@code application/problem+json} document; none for 2xx/3xx.
     *
     * @param code an HTTP status, 200..599
     * @return the fault
     */
    public static Fault status(int code) {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("status must be 200..599: " + code);
        }
        return new Fault(Kind.STATUS, code, null, null, Map.of(), Duration.ZERO, false);
    }

    /**
     * Replaces the default body of a {@link #status(int)} or {@link #malformedBody()} fault.
     *
     * @param contentType the {@code Content-Type} to send
     * @param body        the body to send, verbatim
     * @return this fault
     */
    public synchronized Fault body(String contentType, String body) {
        if (kind != Kind.STATUS && kind != Kind.MALFORMED_BODY) {
            throw new IllegalStateException("body() applies to status() and malformedBody() faults, not " + kind);
        }
        requireHeaderText(Objects.requireNonNull(contentType, "contentType"));
        this.contentType = contentType;
        this.body = Objects.requireNonNull(body, "body");
        return this;
    }

    /**
     * Adds a response header, e.g. {@code header("Retry-After", "0")}. Applies to the answer of a status,
     * malformed-body or delay fault.
     *
     * @param name  header name
     * @param value header value
     * @return this fault
     */
    public synchronized Fault header(String name, String value) {
        if (kind == Kind.RESET || kind == Kind.RESET_AFTER_PROCESSING) {
            throw new IllegalStateException("a reset sends no headers");
        }
        requireHeaderText(Objects.requireNonNull(name, "name"));
        requireHeaderText(Objects.requireNonNull(value, "value"));
        if (name.isBlank() || name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("invalid header name: " + name);
        }
        headers.put(name, value);
        return this;
    }

    /**
     * Makes a {@link #status(int)} fault process the request first (state changes, credits charged), e.g. a
     * gateway timeout after the backend did the work.
     *
     * @return this fault
     */
    public synchronized Fault afterProcessing() {
        if (kind != Kind.STATUS) {
            throw new IllegalStateException("afterProcessing() applies to status() faults, not " + kind);
        }
        this.afterProcessing = true;
        return this;
    }

    /** Returns an independent copy, as queued. */
    synchronized Fault copy() {
        return new Fault(kind, status, contentType, body, Collections.unmodifiableMap(headers), delay,
                afterProcessing);
    }

    /**
     * Waits {@code d}, then processes and answers normally.
     *
     * @param d the extra delay, not negative
     * @return the fault
     */
    public static Fault delay(Duration d) {
        Objects.requireNonNull(d, "d");
        if (d.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + d);
        }
        return new Fault(Kind.DELAY, 0, null, null, Map.of(), d, false);
    }

    /** Returns a fault that reads the request, then resets the connection (RST) without processing it. */
    public static Fault reset() {
        return of(Kind.RESET);
    }

    /** Returns a fault that processes the request (state changes), then resets the connection (RST). */
    public static Fault resetAfterProcessing() {
        return of(Kind.RESET_AFTER_PROCESSING);
    }

    /** Returns a fault that processes the request, then answers 200 with a truncated, invalid JSON body. */
    public static Fault malformedBody() {
        return of(Kind.MALFORMED_BODY);
    }

    /**
     * Returns a fault answering 200 with a chunked body that never ends (a hostile or broken peer); the bytes written
     * are counted in {@link Stats#streamedBytes()}.
     *
     * @return a fault answering 200 with a chunked body that never ends (a hostile or broken peer); the bytes
     *         written are counted in {@link Stats#streamedBytes()}
     */
    public static Fault endlessBody() {
        return of(Kind.ENDLESS_BODY);
    }

    /** Returns a fault answering 200 with the first bytes of a body, then stalling until the client gives up. */
    public static Fault stalledBody() {
        return of(Kind.STALLED_BODY);
    }

    Kind kind() {
        return kind;
    }

    int statusCode() {
        return status;
    }

    synchronized String contentType() {
        return contentType;
    }

    synchronized String bodyText() {
        return body;
    }

    synchronized Map<String, String> headers() {
        return headers.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    Duration delayDuration() {
        return delay;
    }

    synchronized boolean processesRequest() {
        return switch (kind) {
            case STATUS -> afterProcessing;
            case RESET, ENDLESS_BODY, STALLED_BODY -> false;
            default -> true;
        };
    }

    private static void requireHeaderText(String s) {
        if (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header text must not contain CR or LF");
        }
    }

    @Override
    public synchronized String toString() {
        return switch (kind) {
            case STATUS -> "Fault.status(" + status + ")" + (afterProcessing ? ".afterProcessing()" : "")
                    + (headers.isEmpty() ? "" : " headers=" + headers);
            case DELAY -> "Fault.delay(" + delay + ")";
            case RESET -> "Fault.reset()";
            case RESET_AFTER_PROCESSING -> "Fault.resetAfterProcessing()";
            case MALFORMED_BODY -> "Fault.malformedBody()";
            case ENDLESS_BODY -> "Fault.endlessBody()";
            case STALLED_BODY -> "Fault.stalledBody()";
        };
    }
}
