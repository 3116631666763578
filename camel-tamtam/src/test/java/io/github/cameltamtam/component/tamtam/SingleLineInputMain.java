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

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Child JVM of {@link HostileInputTest}: sends one single-line CSV of {@code args[0]} cells ({@code 2045,} repeated,
 * then {@code 1441}) through a {@code direct:} route to {@code tamtam:keyAccounts} and a simulator, from a generated
 * stream (never in memory as a whole), and prints {@code RESULT added=... cells=...}. Run with a small heap.
 */
public final class SingleLineInputMain {

    private SingleLineInputMain() {
    }

    public static void main(String[] args) throws Exception {
        long cells = Long.parseLong(args[0]);
        try (TamtamSimulator simulator = TamtamSimulator.start(); CamelContext context = new DefaultCamelContext()) {
            context.setStreamCaching(false);
            TamtamComponent tamtam = new TamtamComponent();
            tamtam.getConfiguration().setApiKey(TamtamSimulator.DEMO_API_KEY);
            tamtam.getConfiguration().setBaseUrl(simulator.baseUrl().toString());
            tamtam.getConfiguration().setUserEmail(TamtamSimulator.DEMO_USER_EMAIL);
            context.addComponent("tamtam", tamtam);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:add").to("tamtam:keyAccounts");
                }
            });
            context.start();
            Exchange out = context.createProducerTemplate().request("direct:add",
                    e -> e.getMessage().setBody(new RepeatedIdLine(cells)));
            if (out.getException() != null) {
                System.out.println("FAILED " + out.getException());
                System.exit(2);
            }
            KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
            System.out.println("RESULT added=" + String.join(",", result.getNewlyAddedCompanyLinkedinIds())
                    + " requests=" + result.getRequestCount()
                    + " maxHeapMb=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    /** {@code 2045,2045,...,1441} as bytes, generated as it is read. */
    static final class RepeatedIdLine extends InputStream {
        private static final byte[] CELL = "2045,".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] LAST = "1441".getBytes(StandardCharsets.US_ASCII);
        private final long total;
        private long position;

        RepeatedIdLine(long cells) {
            this.total = (cells - 1) * CELL.length + LAST.length;
        }

        @Override
        public int read() {
            if (position >= total) {
                return -1;
            }
            long lastStart = total - LAST.length;
            int b = position < lastStart ? CELL[(int) (position % CELL.length)] : LAST[(int) (position - lastStart)];
            position++;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= total) {
                return -1;
            }
            int n = 0;
            while (n < length && position < total) {
                buffer[offset + n++] = (byte) read();
            }
            return n;
        }
    }
}
