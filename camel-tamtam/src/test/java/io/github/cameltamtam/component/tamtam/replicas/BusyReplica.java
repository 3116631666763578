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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.cameltamtam.component.tamtam.TamtamComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A replica with far more work than the key's rate allows, run in its own JVM by {@link StoppedReplicaTest}: starts
 * {@code exchanges} exchanges of 50 IDs at once through a shared PostgreSQL bucket, prints {@code BUSY} once twenty
 * have completed (its other requests are waiting for their slots), and works until it is stopped
 * ({@code SIGTERM}: a shutdown hook stops its CamelContext) or killed.
 * <p>
 * Arguments: {@code baseUrl apiKey userEmail firstId exchanges jdbcUrl user password}.
 */
public final class BusyReplica {

    private BusyReplica() {
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks only count down; allOf(...) is joined below
    public static void main(String[] args) throws Exception {
        TamtamComponent tamtam = new TamtamComponent();
        tamtam.getConfiguration().setBaseUrl(args[0]);
        tamtam.getConfiguration().setApiKey(args[1]);
        tamtam.getConfiguration().setUserEmail(args[2]);
        long firstId = Long.parseLong(args[3]);
        int exchanges = Integer.parseInt(args[4]);
        tamtam.setPacerProxyManager(KeyAccountsReplica.PostgresqlProxyManager.create(args[5], args[6], args[7]));
        CamelContext context = new DefaultCamelContext();
        context.addComponent("tamtam", tamtam);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:add").to("tamtam:keyAccounts");
            }
        });
        context.start();
        Runtime.getRuntime().addShutdownHook(new Thread(context::stop, "stop-camel"));
        ProducerTemplate template = context.createProducerTemplate();
        // one waiting thread per exchange: all of them ask the pacer at once (the default pool holds 10)
        template.setExecutorService(java.util.concurrent.Executors.newCachedThreadPool());
        List<CompletableFuture<Object>> sent = new ArrayList<>();
        for (int e = 0; e < exchanges; e++) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                ids.add(Long.toString(firstId + e * 50L + i));
            }
            sent.add(template.asyncRequestBody("direct:add", ids));
        }
        java.util.concurrent.CountDownLatch twentyDone = new java.util.concurrent.CountDownLatch(20);
        sent.forEach(exchange -> exchange.whenComplete((v, e) -> twentyDone.countDown()));
        twentyDone.await();
        System.out.println("BUSY");
        System.out.flush();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).handle((v, e) -> null).join();
        System.out.println("DONE");
    }
}
