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

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.github.cameltamtam.simulator.KeyAccount;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real {@code platform-http} (Vert.x) route in front of {@code tamtam:keyAccounts}, called over HTTP on loopback: the
 * request headers of an outside caller cannot choose the user, tags or tier (Camel's HTTP header filter drops the
 * {@code Camel*} input headers, and the {@code Tamtam*} result names are never read), and {@code removeHeaders("Tamtam*")}
 * keeps the result headers out of the HTTP response.
 */
class HttpBoundaryHeadersTest extends TamtamTestSupport {

    private static final String OTHER_USER = "other-user@example.com";

    private int port;

    @Override
    protected TamtamSimulator startSimulator() {
        TamtamSimulator simulator = TamtamSimulator.start();
        simulator.demoAccount().addUser(OTHER_USER);
        return simulator;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost("127.0.0.1");
        configuration.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(configuration));
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/key-accounts?httpMethodRestrict=POST")
                        .convertBodyTo(String.class)
                        .to("tamtam:keyAccounts?tierLevel=2&tags=web")
                        .removeHeaders("Tamtam*")
                        .setBody(simple("${body.newlyAddedCompanyLinkedinIds.toString()}"));
            }
        };
    }

    @Test
    void requestHeadersOfAnOutsideCallerDoNotChangeTheUserTagsOrTier() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/key-accounts"))
                .timeout(Duration.ofSeconds(20))
                .header(TamtamConstants.USER_EMAIL, OTHER_USER)
                .header(TamtamConstants.TAGS, "evil")
                .header(TamtamConstants.TIER_LEVEL, "3")
                // the names earlier snapshots read as inputs: results now, never read
                .header(TamtamConstants.RESULT_TAGS, "evil")
                .header(TamtamConstants.RESULT_TIER_LEVEL, "3")
                .header("TamtamUserEmail", OTHER_USER)
                .POST(HttpRequest.BodyPublishers.ofString("2045\n1441\n"))
                .build();

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response::body);
        assertEquals("[2045, 1441]", response.body());
        assertTrue(simulator.demoAccount().keyAccounts(OTHER_USER).isEmpty(), "the caller chose the user");
        KeyAccount added = simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).get("2045");
        assertEquals(List.of("web"), added.tags(), "tags from the endpoint option");
        assertEquals(2, added.tierLevel(), "tier from the endpoint option");
        List<String> leaked = response.headers().map().keySet().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith("tamtam")).toList();
        assertEquals(List.of(), leaked, "result headers in the HTTP response");
    }
}
