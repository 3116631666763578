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
package io.github.cameltamtam.component.tamtam.replicas;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import io.github.cameltamtam.component.tamtam.TamtamComponent;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One replica of a scaled-out application, run in its own JVM by {@link ReplicasShareOneKeyTest}: its own
 * CamelContext and {@code tamtam} component with the shared key, optionally a Bucket4j PostgreSQL
 * {@code ProxyManager} as {@code pacerProxyManager}. It connects to the test's barrier, waits for the go, sends its IDs
 * in one exchange through {@code direct:add → tamtam:keyAccounts}, prints one {@code RESULT} line and exits.
 * <p>
 * Arguments: {@code baseUrl apiKey userEmail firstId count barrierPort [jdbcUrl user password]}.
 */
public final class KeyAccountsReplica {

    private KeyAccountsReplica() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String apiKey = args[1];
        String userEmail = args[2];
        long firstId = Long.parseLong(args[3]);
        int count = Integer.parseInt(args[4]);
        int barrierPort = Integer.parseInt(args[5]);

        TamtamComponent tamtam = new TamtamComponent();
        tamtam.getConfiguration().setApiKey(apiKey);
        tamtam.getConfiguration().setBaseUrl(baseUrl);
        tamtam.getConfiguration().setUserEmail(userEmail);
        if (args.length > 6) {
            tamtam.setPacerProxyManager(PostgresqlProxyManager.create(args[6], args[7], args[8]));
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(Long.toString(firstId + i));
        }

        int status = 1;
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("tamtam", tamtam);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(noErrorHandler());
                    from("direct:add").to("tamtam:keyAccounts");
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            awaitGo(barrierPort);
            Exchange out = template.request("direct:add", e -> e.getMessage().setBody(ids));
            KeyAccountsResult result = out.getException() != null
                    ? out.getException() instanceof io.github.cameltamtam.component.tamtam.TamtamException t
                            ? t.getResult() : null
                    : out.getMessage().getBody(KeyAccountsResult.class);
            System.out.println("RESULT failed=" + (out.getException() != null)
                    + " added=" + (result == null ? -1 : result.getNewlyAddedCompanyLinkedinIds().size())
                    + " already=" + (result == null ? -1 : result.getAlreadyInKeyAccountsLinkedinIds().size())
                    + " ignored=" + (result == null ? -1 : result.getIgnoredCompanyLinkedinIds().size())
                    + " failedIds=" + (result == null ? -1 : result.getFailedCompanyLinkedinIds().size())
                    + " requests=" + (result == null ? -1 : result.getRequestCount())
                    + " throttled=" + (result == null ? -1 : result.getThrottledRequestCount())
                    + " error=" + (out.getException() == null ? "none" : out.getException().getMessage()));
            status = 0;
        } finally {
            System.out.flush();
            System.exit(status);
        }
    }

    /** The shared store; a class of its own, so a replica without Bucket4j on its class path never loads it. */
    static final class PostgresqlProxyManager {

        private PostgresqlProxyManager() {
        }

        static Object create(String jdbcUrl, String user, String password) {
            org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
            dataSource.setURL(jdbcUrl);
            dataSource.setUser(user);
            dataSource.setPassword(password);
            return io.github.bucket4j.postgresql.Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper.STRING)
                    .build();
        }
    }

    /** Connects to the test's barrier and blocks until it sends the go (one byte), so all replicas start together. */
    private static void awaitGo(int port) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(120_000);
            InputStream in = socket.getInputStream();
            if (in.read() < 0) {
                throw new IllegalStateException("the barrier closed without a go");
            }
        }
    }
}
