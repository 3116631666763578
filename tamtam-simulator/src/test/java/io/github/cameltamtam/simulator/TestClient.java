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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small java.net.http client for the simulator's tests. */
final class TestClient {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String KEY = TamtamSimulator.DEMO_API_KEY;
    static final String EMAIL = TamtamSimulator.DEMO_USER_EMAIL;

    final HttpClient http;
    private final TamtamSimulator sim;

    TestClient(TamtamSimulator sim) {
        this(sim, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    TestClient(TamtamSimulator sim, HttpClient http) {
        this.sim = sim;
        this.http = http;
    }

    HttpRequest.Builder request(String path, String apiKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .timeout(Duration.ofSeconds(10));
        if (apiKey != null) {
            b.header("Authorization", apiKey);
        }
        return b;
    }

    HttpResponse<String> post(String path, String apiKey, String body) throws IOException, InterruptedException {
        return http.send(postRequest(path, apiKey, body), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest postRequest(String path, String apiKey, String body) {
        return request(path, apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    CompletableFuture<HttpResponse<String>> postAsync(String path, String apiKey, String body) {
        return http.sendAsync(postRequest(path, apiKey, body), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String apiKey) throws IOException, InterruptedException {
        return http.send(request(path, apiKey).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs IDs to the demo user's Key Accounts with the demo key. */
    HttpResponse<String> add(String... ids) throws IOException, InterruptedException {
        return post("/v2/key-accounts", KEY, addBody(EMAIL, ids));
    }

    static String addBody(String email, String... ids) {
        return "{\"company_linkedin_ids\":" + toJson(ids) + ",\"user_email\":\"" + email + "\"}";
    }

    static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("content-type").orElse(null);
    }
}
