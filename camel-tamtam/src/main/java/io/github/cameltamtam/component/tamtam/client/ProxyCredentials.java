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
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;

/**
 * Basic proxy authentication without an {@link java.net.Authenticator} (with one, the JDK drops the user-set
 * Authorization header that carries the API key): a pre-emptive {@code Proxy-Authorization} header, which the JDK
 * sends to the proxy only — on each request for http, in the CONNECT request for https — and never to the API.
 * <p>
 * For CONNECT the JDK filters Basic out unless the JVM allows it ({@value #TUNNELING_DISABLED_SCHEMES}, {@code Basic}
 * by default in {@code conf/net.properties}); the endpoint then refuses to start rather than fail every call with 407.
 */
public final class ProxyCredentials {

    static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    private ProxyCredentials() {
    }

    /**
     * Returns the Proxy-Authorization value, or null when no proxy credentials are configured.
     *
     * @param  proxyHost            the proxy, or null for none
     * @param  proxyUsername        the proxy user, or null for no proxy authentication
     * @param  proxyPassword        the proxy password, or null for an empty one
     * @return                      the Proxy-Authorization value, or null when no proxy credentials are configured
     * @throws IllegalStateException when the API is https and this JVM disables Basic for tunnels
     */
    public static String proxyAuthorization(String proxyHost, String proxyUsername, String proxyPassword, URI baseUri) {
        if (proxyHost == null || proxyUsername == null) {
            return null;
        }
        if ("https".equalsIgnoreCase(baseUri.getScheme()) && basicDisabledForTunnels()) {
            throw new IllegalStateException(
                    "proxyUsername/proxyPassword need Basic proxy authentication in the CONNECT "
                            + "tunnel to the https API, which this JVM disables ("
                            + TUNNELING_DISABLED_SCHEMES + " contains Basic). Start the JVM with -D"
                            + TUNNELING_DISABLED_SCHEMES + "= (empty)");
        }
        String password = proxyPassword == null ? "" : proxyPassword;
        String token = proxyUsername + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the JDK's HttpClient drops Basic Proxy-Authorization from CONNECT requests in this JVM. */
    static boolean basicDisabledForTunnels() {
        String value = System.getProperty(TUNNELING_DISABLED_SCHEMES);
        if (value == null) {
            value = netProperty(TUNNELING_DISABLED_SCHEMES);
        }
        return value != null && Arrays.stream(value.split(",")).map(String::strip).anyMatch("Basic"::equalsIgnoreCase);
    }

    /** A property of the JDK's {@code conf/net.properties} (the default when no system property overrides it). */
    private static String netProperty(String name) {
        Path file = Path.of(System.getProperty("java.home"), "conf", "net.properties");
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException | RuntimeException e) {
            return "Basic"; // the JDK's shipped default
        }
        return properties.getProperty(name);
    }
}
