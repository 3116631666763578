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

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.component.extension.ComponentVerifierExtension;
import org.apache.camel.component.extension.ComponentVerifierExtension.Result;
import org.apache.camel.component.extension.ComponentVerifierExtension.Scope;
import org.apache.camel.component.extension.ComponentVerifierExtension.VerificationError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Test connection" ({@code ComponentVerifierExtension}) against the simulator: parameters, then one credits request
 * that tells a bad key, a bad base URL and an unreachable host apart.
 */
class VerifierTest extends TamtamTestSupport {

    private ComponentVerifierExtension verifier() {
        return context.getComponent("tamtam").getExtension(ComponentVerifierExtension.class).orElseThrow();
    }

    private Map<String, Object> parameters(String apiKey, String baseUrl) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("apiKey", apiKey);
        parameters.put("baseUrl", baseUrl);
        return parameters;
    }

    @Test
    void goodKeyAndBaseUrlVerifyOk() {
        Result result = verifier().verify(Scope.CONNECTIVITY,
                parameters(TamtamSimulator.DEMO_API_KEY, simulator.baseUrl().toString()));

        assertEquals(Result.Status.OK, result.getStatus(), String.valueOf(result.getErrors()));
        assertEquals(1, simulator.requests("GET", "/api/v2/credits").size());
    }

    @Test
    void badKeyIsAnAuthenticationError() {
        Result result =
                verifier().verify(Scope.CONNECTIVITY, parameters("bad-key-777", simulator.baseUrl().toString()));

        VerificationError error = single(result);
        assertEquals(VerificationError.StandardCode.AUTHENTICATION, error.getCode());
        assertEquals("apiKey", error.getParameterKeys().iterator().next());
        assertTrue(error.getDescription().contains("rejected the API key (401)"), error.getDescription());
        assertFalse(error.getDescription().contains("bad-key-777"));
        assertEquals(401, error.getDetail(VerificationError.HttpAttribute.HTTP_CODE));
    }

    @Test
    void baseUrlThatDoesNotServeTheApiIsAnIllegalBaseUrl() {
        Result result = verifier().verify(Scope.CONNECTIVITY,
                parameters(TamtamSimulator.DEMO_API_KEY, simulator.baseUrl() + "/v9"));

        VerificationError error = single(result);
        assertEquals(VerificationError.StandardCode.ILLEGAL_PARAMETER_VALUE, error.getCode());
        assertEquals("baseUrl", error.getParameterKeys().iterator().next());
        assertTrue(error.getDescription().contains("does not serve the TamTam API"), error.getDescription());
        assertTrue(error.getDescription().contains("404"), error.getDescription());
    }

    @Test
    void unreachableHostIsAConnectionError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Result result = verifier().verify(Scope.CONNECTIVITY,
                parameters(TamtamSimulator.DEMO_API_KEY, "http://127.0.0.1:" + closedPort + "/api"));

        VerificationError error = single(result);
        assertEquals(VerificationError.StandardCode.EXCEPTION, error.getCode());
        assertEquals("baseUrl", error.getParameterKeys().iterator().next());
        assertTrue(error.getDescription().startsWith("Cannot reach the TamTam API at http://127.0.0.1:" + closedPort),
                error.getDescription());
    }

    @Test
    void parametersScopeNamesTheMissingKeyAndTheRefusedBaseUrl() {
        TamtamComponent component = context.getComponent("tamtam", TamtamComponent.class);
        component.getConfiguration().setApiKey(null);

        VerificationError missing = single(verifier().verify(Scope.PARAMETERS, parameters(null, null)));
        assertEquals(VerificationError.StandardCode.MISSING_PARAMETER, missing.getCode());
        assertEquals("apiKey", missing.getParameterKeys().iterator().next());

        VerificationError plainHttp = single(verifier().verify(Scope.PARAMETERS,
                parameters("some-key", "http://api.tamtam.example/api")));
        assertEquals(VerificationError.StandardCode.ILLEGAL_PARAMETER_VALUE, plainHttp.getCode());
        assertEquals("baseUrl", plainHttp.getParameterKeys().iterator().next());

        VerificationError badOption = single(verifier().verify(Scope.PARAMETERS,
                Map.of("apiKey", "some-key", "batchSize", "80")));
        assertTrue(badOption.getDescription().contains("batchSize must be between 1 and 50 but was 80"),
                badOption.getDescription());
        assertEquals(0, simulator.requests().size(), "the parameters scope sends nothing");
    }

    private static VerificationError single(Result result) {
        assertEquals(Result.Status.ERROR, result.getStatus());
        assertEquals(1, result.getErrors().size(), String.valueOf(result.getErrors()));
        return result.getErrors().get(0);
    }
}
