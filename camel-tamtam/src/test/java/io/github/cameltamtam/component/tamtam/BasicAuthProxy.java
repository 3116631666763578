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

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ConnectHandler;
import org.eclipse.jetty.util.Callback;

/**
 * A real forward proxy on a free loopback port, built from Jetty's proxy parts: CONNECT tunnels for https
 * ({@link ConnectHandler}) and absolute-URI forwarding for plain http ({@link ProxyHandler.Forward}), both behind
 * Basic proxy authentication (407 otherwise). Records what each request showed the proxy.
 */
final class BasicAuthProxy implements AutoCloseable {

    /** One request as the proxy saw it: a CONNECT (target host:port) or a forwarded request (absolute URI). */
    record Seen(String method, String target, String proxyAuthorization, String authorization) {
    }

    private final Server server;
    private final ServerConnector connector;
    private final String expected;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    BasicAuthProxy(String username, String password) throws Exception {
        expected = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = new Server();
        server.setStopTimeout(1000); // a tunnel the JDK keeps open does not hold the test up
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ConnectHandler tunnels = new ConnectHandler() {
            @Override
            protected boolean handleAuthentication(Request request, Response response, String address) {
                String credentials = request.getHeaders().get(HttpHeader.PROXY_AUTHORIZATION);
                seen.add(new Seen("CONNECT", address, credentials, request.getHeaders().get(HttpHeader.AUTHORIZATION)));
                return expected.equals(credentials);
            }
        };
        tunnels.setHandler(new ProxyHandler.Forward() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String credentials = request.getHeaders().get(HttpHeader.PROXY_AUTHORIZATION);
                seen.add(new Seen(request.getMethod(), request.getHttpURI().toString(), credentials,
                        request.getHeaders().get(HttpHeader.AUTHORIZATION)));
                if (!expected.equals(credentials)) {
                    response.setStatus(407);
                    response.getHeaders().put(HttpHeader.PROXY_AUTHENTICATE, "Basic realm=\"tamtam-test\"");
                    callback.succeeded();
                    return true;
                }
                return super.handle(request, response, callback);
            }
        });
        server.setHandler(tunnels);
        server.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    /** What the proxy saw so far, in order. */
    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** The Proxy-Authorization value of the right credentials. */
    String expectedProxyAuthorization() {
        return expected;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
