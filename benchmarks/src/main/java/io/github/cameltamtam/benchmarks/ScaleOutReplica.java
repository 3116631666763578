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
package io.github.cameltamtam.benchmarks;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import io.github.cameltamtam.component.tamtam.TamtamComponent;
import io.github.cameltamtam.component.tamtam.TamtamException;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One replica of the scale-out scenario, in a JVM of its own ({@link ScaleOutBenchmark}): its own CamelContext and
 * {@code tamtam} component with the shared key at the given {@code requestsPerSecond}, with a Bucket4j PostgreSQL
 * {@code ProxyManager} as {@code pacerProxyManager} when a JDBC URL is given. It connects to the harness' barrier,
 * waits for the go, adds its IDs in one exchange and prints one {@code RESULT} line.
 * <p>
 * Arguments: {@code baseUrl apiKey userEmail firstId count barrierPort requestsPerSecond [jdbcUrl user password]}.
 */
public final class ScaleOutReplica {

    private ScaleOutReplica() {
    }

    public static void main(String[] args) throws Exception {
        long firstId = Long.parseLong(args[3]);
        int count = Integer.parseInt(args[4]);
        TamtamComponent tamtam = new TamtamComponent();
        tamtam.getConfiguration().setBaseUrl(args[0]);
        tamtam.getConfiguration().setApiKey(args[1]);
        tamtam.getConfiguration().setUserEmail(args[2]);
        tamtam.getConfiguration().setRequestsPerSecond(Double.parseDouble(args[6]));
        if (args.length > 7) {
            tamtam.setPacerProxyManager(SharedBucket.proxyManager(args[7], args[8], args[9]));
        }
        List<String> ids = new ArrayList<>(count);
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
            awaitGo(Integer.parseInt(args[5]));
            long start = System.currentTimeMillis();
            Exchange out = template.request("direct:add", e -> e.getMessage().setBody(ids));
            long end = System.currentTimeMillis();
            Exception failure = out.getException();
            KeyAccountsResult result = failure == null ? out.getMessage().getBody(KeyAccountsResult.class)
                    : failure instanceof TamtamException t ? t.getResult() : null;
            System.out.println("RESULT startMs=" + start + " endMs=" + end + " failed=" + (failure != null)
                    + " added=" + (result == null ? -1 : result.getNewlyAddedCompanyLinkedinIds().size())
                    + " failedIds=" + (result == null ? count : result.getFailedCompanyLinkedinIds().size())
                    + " requests=" + (result == null ? -1 : result.getRequestCount())
                    + " throttled=" + (result == null ? -1 : result.getThrottledRequestCount()));
            status = 0;
        } finally {
            System.out.flush();
            System.exit(status);
        }
    }

    /** Blocks until the harness sends the go (one byte), so that all replicas start together. */
    private static void awaitGo(int port) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(300_000);
            InputStream in = socket.getInputStream();
            if (in.read() < 0) {
                throw new IllegalStateException("the harness closed the barrier without a go");
            }
        }
    }

    /** The shared bucket: Bucket4j's PostgreSQL {@code ProxyManager} (String keys) on the harness' database. */
    static final class SharedBucket {

        static final String TABLE_DDL = "CREATE TABLE IF NOT EXISTS bucket(id VARCHAR PRIMARY KEY, state BYTEA, "
                + "expires_at BIGINT)";

        private SharedBucket() {
        }

        static Object proxyManager(String jdbcUrl, String user, String password) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(jdbcUrl);
            dataSource.setUser(user);
            dataSource.setPassword(password);
            return io.github.bucket4j.postgresql.Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper.STRING)
                    .build();
        }
    }
}
