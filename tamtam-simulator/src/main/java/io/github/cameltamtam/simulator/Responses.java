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

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

/** The simulator's answers: JSON, RFC 9457 problems, the rate limiter's 429, and the answers of {@link Fault}s. */
final class Responses {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String TOO_MANY_REQUESTS_BODY = "{\"Message\": \"Too Many Requests\"}";

    private Responses() {
    }

    static Http.Response json(int status, Object body) {
        return new Http.Response(status, JSON, bytes(body), Map.of());
    }

    static Http.Response problem(int status, String detail, List<Map<String, Object>> errors) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", Http.reason(status));
        p.put("status", status);
        p.put("detail", detail);
        if (errors != null) {
            p.put("errors", errors);
        }
        return new Http.Response(status, PROBLEM_JSON, bytes(p), Map.of());
    }

    static Http.Response tooManyRequests() {
        return new Http.Response(429, JSON, TOO_MANY_REQUESTS_BODY.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** The answer of a {@link Fault#status(int)} fault. */
    static Http.Response faultResponse(Fault fault) {
        int status = fault.statusCode();
        Http.Response base;
        if (fault.bodyText() != null) {
            base = new Http.Response(status, fault.contentType(), fault.bodyText().getBytes(StandardCharsets.UTF_8),
                    Map.of());
        } else if (status == 429) {
            base = tooManyRequests();
        } else if (status >= 400) {
            base = problem(status, "injected fault", null);
        } else {
            base = new Http.Response(status, null, new byte[0], Map.of());
        }
        return base.withHeaders(fault.headers());
    }

    /** The answer of a {@link Fault#malformedBody()} fault, given the real answer. */
    static Http.Response malformed(Http.Response real, Fault fault) {
        String contentType = JSON;
        byte[] body;
        if (fault.bodyText() != null) {
            contentType = fault.contentType();
            body = fault.bodyText().getBytes(StandardCharsets.UTF_8);
        } else if (real.body() == null || real.body().length < 2) {
            body = "{\"newly_added_company_linkedin_ids\":[".getBytes(StandardCharsets.UTF_8);
        } else {
            // a proper prefix of a JSON object is never valid JSON
            body = Arrays.copyOf(real.body(), Math.max(1, real.body().length / 2));
        }
        return new Http.Response(200, contentType, body, Map.of()).withHeaders(fault.headers());
    }

    /** The answer of a {@link Fault#endlessBody()} fault: 200, chunked, a JSON array that never closes. */
    static Http.Response endlessBody(Stats stats) {
        byte[] chunk = "\"1234567890123\",".repeat(4096).getBytes(StandardCharsets.US_ASCII);
        byte[] framed = frame(chunk);
        return new Http.Response(200, JSON, null, Map.of("Transfer-Encoding", "chunked"), (in, out) -> {
            out.write(frame("{\"newly_added_company_linkedin_ids\":[".getBytes(StandardCharsets.US_ASCII)));
            while (true) { // until the client closes the connection: the write then fails
                out.write(framed);
                stats.streamed(chunk.length);
            }
        });
    }

    /** The answer of a {@link Fault#stalledBody()} fault: announces 100 000 bytes, sends a few, waits for the client. */
    static Http.Response stalledBody() {
        return new Http.Response(200, JSON, null, Map.of("Content-Length", "100000"), (in, out) -> {
            out.write("{\"newly_added_company_linkedin_ids\":[".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] sink = new byte[1024];
            while (in.read(sink) >= 0) { // until the client closes the connection (or the simulator does)
                // a well-behaved client sends nothing more on this connection
            }
        });
    }

    private static byte[] frame(byte[] data) {
        byte[] head = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[head.length + data.length + 2];
        System.arraycopy(head, 0, framed, 0, head.length);
        System.arraycopy(data, 0, framed, head.length, data.length);
        framed[framed.length - 2] = '\r';
        framed[framed.length - 1] = '\n';
        return framed;
    }

    private static byte[] bytes(Object value) {
        try {
            return JsonBody.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
