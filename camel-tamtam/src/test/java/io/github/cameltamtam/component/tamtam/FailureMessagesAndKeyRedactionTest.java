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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.extension.ComponentVerifierExtension;
import org.apache.camel.component.extension.ComponentVerifierExtension.Result;
import org.apache.camel.component.extension.ComponentVerifierExtension.Scope;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a failure says, through real routes: a key echoed by the server in any spelling (raw, JSON-escaped with or
 * without {@code \/}, URL-encoded) is masked in the exception; a key Camel cannot mask in the URIs it shows is refused
 * at start naming the character; an unknown host says so; a plain-http server behind an https baseUrl is not called a
 * certificate problem; the verifier names a value that is not a number.
 */
class FailureMessagesAndKeyRedactionTest extends TamtamTestSupport {

    /** A key with the characters that JSON and URLs escape. */
    private static final String ODD_KEY = "k/e\"y+a b\\c=%";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler()); // the failures are what the tests read
                from("direct:odd-key").to("tamtam:keyAccounts?maxRetries=0&apiKey=RAW(" + ODD_KEY + ")");
                from("direct:unknown-host")
                        .to("tamtam:keyAccounts?maxRetries=0&baseUrl=https://no-such-host.invalid/api");
                from("direct:https-to-http")
                        .toD("tamtam:keyAccounts?maxRetries=0&baseUrl=https://127.0.0.1:${header.port}/api");
            }
        };
    }

    @Test
    void aKeyEchoedInAnySpellingIsMaskedInTheException() {
        simulator.createAccount(ODD_KEY, 10, TamtamSimulator.DEMO_USER_EMAIL);
        String jackson = ODD_KEY.replace("\\", "\\\\").replace("\"", "\\\"");
        String slashes = jackson.replace("/", "\\/");
        String url = URLEncoder.encode(ODD_KEY, StandardCharsets.UTF_8);
        String problem = "{\"title\": \"Bad Request\", \"detail\": \"key " + jackson + " / " + slashes + " / " + url
                + " / " + url.replace("+", "%20") + " is not allowed here\"}";
        simulator.faults().enqueue("/api/v2/key-accounts", Fault.status(400).body("application/problem+json", problem));

        Exchange out;
        List<String> trace;
        try (LogCapture log = LogCapture.start(Level.TRACE, "io.github.cameltamtam.component.tamtam.client")) {
            out = requestTo("direct:odd-key", List.of("1"));
            trace = log.events().stream().map(LogCapture.Captured::text).toList();
        }

        assertEquals(ODD_KEY, simulator.requests("POST", "/api/v2/key-accounts").get(0).header("Authorization"));
        TamtamApiException e = assertInstanceOf(TamtamApiException.class, out.getException());
        String message = e.getMessage();
        assertTrue(message.contains("key xxxxxx / xxxxxx / xxxxxx / xxxxxx is not allowed"), message);
        assertTrue(trace.stream().anyMatch(line -> line.contains("xxxxxx / xxxxxx")), () -> "TRACE lines: " + trace);
        for (String text : concat(message, trace)) {
            for (String spelling : List.of(ODD_KEY, jackson, slashes, url, "k/e", "a b")) {
                assertFalse(text.contains(spelling), () -> spelling + " in: " + text);
            }
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(rest);
        all.add(first);
        return all;
    }

    @Test
    void aKeyCamelCannotMaskInTheEndpointUriIsRefusedNamingTheCharacter() {
        FailedToCreateRouteException e = assertThrows(FailedToCreateRouteException.class,
                () -> context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:paren-key").to("tamtam:keyAccounts?apiKey=RAW(secret)tail)");
                    }
                }));
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        assertTrue(message.contains("')'"), message);
        assertTrue(message.contains("RAW{"), "says what to use instead: " + message);
        assertFalse(message.contains("secret") || message.contains("tail"), message);
    }

    @Test
    void anUnknownHostSaysUnknownHost() {
        Exchange out = requestTo("direct:unknown-host", List.of("1"));

        TamtamApiException e = assertInstanceOf(TamtamApiException.class, out.getException());
        assertTrue(e.getMessage().contains("unknown host no-such-host.invalid"), e.getMessage());
    }

    @Test
    void aPlainHttpServerBehindAnHttpsBaseUrlIsNotACertificateProblem() {
        Exchange out = template.request("direct:https-to-http", ex -> {
            ex.getMessage().setBody(List.of("1"));
            ex.getMessage().setHeader("port", simulator.baseUrl().getPort());
        });

        TamtamApiException e = assertInstanceOf(TamtamApiException.class, out.getException());
        String message = e.getMessage();
        assertTrue(message.contains("not TLS"), message);
        assertTrue(message.contains("http://"), message);
        assertFalse(message.contains("certificate"), message);
    }

    @Test
    void theVerifierNamesAValueThatIsNotANumber() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("apiKey", TamtamSimulator.DEMO_API_KEY);
        parameters.put("batchSize", "abc");

        Result result = context.getComponent("tamtam").getExtension(ComponentVerifierExtension.class).orElseThrow()
                .verify(Scope.PARAMETERS, parameters);

        assertEquals(Result.Status.ERROR, result.getStatus());
        String description = result.getErrors().get(0).getDescription();
        assertTrue(description.contains("batchSize") && description.contains("abc"), description);
        assertFalse(description.contains("but was 0"), description);
    }
}
