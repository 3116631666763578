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
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A request body parsed once: {@code node} is {@code null} when the body was empty or not JSON ({@code error} then
 * says why, or is {@code null} for an empty body).
 */
record JsonBody(JsonNode node, String error) {

    /** The simulator's one JSON mapper: reads request bodies (trailing tokens rejected) and writes answers. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static JsonBody parse(byte[] body) {
        if (body.length == 0) {
            return new JsonBody(null, null);
        }
        try {
            return new JsonBody(MAPPER.readTree(body), null);
        } catch (JsonProcessingException e) {
            return new JsonBody(null, e.getOriginalMessage());
        } catch (IOException e) {
            return new JsonBody(null, String.valueOf(e.getMessage()));
        }
    }

    /** Returns the textual {@code company_linkedin_ids} of a JSON object body, or {@code null}. */
    List<String> companyIds() {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode ids = node.get("company_linkedin_ids");
        if (ids == null || !ids.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>(ids.size());
        ids.forEach(n -> out.add(n.isTextual() ? n.textValue() : n.toString()));
        return out;
    }
}
