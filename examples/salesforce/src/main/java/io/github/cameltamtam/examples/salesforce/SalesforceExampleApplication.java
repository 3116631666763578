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
package io.github.cameltamtam.examples.salesforce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the routes {@code routes/salesforce-initial-load.yaml} and {@code routes/salesforce-accounts-to-key-accounts.yaml}
 * with Camel Main.
 * <ul>
 * <li>{@code TAMTAM_API_KEY} not set: demo mode. Salesforce cannot be reached without an org and credentials, so the
 * initial load's {@code salesforce:query} is answered by {@link SalesforceQueryStandIn} with
 * {@code sample/account-query-answer.json}, and the change-event route's Salesforce consumer is replaced (Camel's
 * AdviceWith) by {@code direct:account-changes}, which receives the sample change events of
 * {@code sample/account-change-events.json}; TamTam is the embedded simulator.</li>
 * <li>{@code TAMTAM_API_KEY} set: the real route, subscribed to Salesforce with the connection of
 * {@code salesforce.properties}, against the real API for the user {@code TAMTAM_USER_EMAIL}, until Ctrl+C. Needs
 * camel-salesforce on the class path: {@code mvn -Psalesforce ...}.</li>
 * </ul>
 */
public final class SalesforceExampleApplication {

    static final Logger LOG = LoggerFactory.getLogger("io.github.cameltamtam.examples.salesforce");

    public static final String ROUTE_ID = "salesforce-accounts-to-key-accounts";

    /** Where the demo and the tests send change events instead of Salesforce. */
    public static final String DEMO_ENDPOINT = "direct:account-changes";

    public static final String INITIAL_LOAD_ROUTE_ID = "salesforce-initial-load";

    /** Where the demo and the tests start the initial load instead of its timer. */
    public static final String INITIAL_LOAD_ENDPOINT = "direct:initial-load";

    static final String SAMPLE = "sample/account-change-events.json";

    static final String SAMPLE_QUERY_ANSWER = "sample/account-query-answer.json";

    private SalesforceExampleApplication() {
    }

    /** A change event as camel-salesforce delivers it: the changed fields as body, the ChangeEventHeader as headers. */
    public record ChangeEvent(String comment, Map<String, Object> headers, Map<String, Object> body) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int exitCode;
        if (isBlank(env.get("TAMTAM_API_KEY"))) {
            exitCode = runDemo();
        } else if (isBlank(env.get("TAMTAM_USER_EMAIL"))) {
            System.err.println(
                    "TAMTAM_API_KEY is set, so this example talks to the real TamTam API, but TAMTAM_USER_EMAIL "
                            + "is not: set it to the email of the TamTam user whose Key Accounts receive the "
                            + "companies (export TAMTAM_USER_EMAIL=you@example.com), or unset TAMTAM_API_KEY to run "
                            + "the demo.");
            exitCode = 2;
        } else if (!onClassPath("org.apache.camel.component.salesforce.SalesforceComponent")) {
            System.err.println("camel-salesforce is not on the class path: run with the salesforce profile, "
                    + "mvn -B -q -Psalesforce -f examples/salesforce/pom.xml exec:java (see the README).");
            exitCode = 2;
        } else {
            Main main = newMain();
            main.setDefaultPropertyPlaceholderLocation(
                    "classpath:application.properties,classpath:salesforce.properties");
            LOG.info("Subscribing to Salesforce Account changes. Stop with Ctrl+C.");
            exitCode = main.run(args);
        }
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** A Camel Main running the example's route(s) ({@code application.properties}). */
    public static Main newMain() {
        return new Main(SalesforceExampleApplication.class);
    }

    /**
     * Replaces the route's Salesforce consumer by another endpoint before the route starts, so that the route runs
     * without Salesforce (and without camel-salesforce on the class path); the initial load's timer is replaced by
     * {@link #INITIAL_LOAD_ENDPOINT}, so that it runs when sent a message.
     */
    public static void replaceSalesforceConsumer(Main main, String uri) {
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                try {
                    AdviceWith.adviceWith(m.getCamelContext(), ROUTE_ID, route -> route.replaceFromWith(uri));
                    AdviceWith.adviceWith(m.getCamelContext(), INITIAL_LOAD_ROUTE_ID,
                            route -> route.replaceFromWith(INITIAL_LOAD_ENDPOINT));
                } catch (Exception e) {
                    throw RuntimeCamelException.wrapRuntimeCamelException(e);
                }
            }
        });
    }

    /** Binds {@code standIn} as the {@code salesforce} component: it answers the initial load's SOQL query. */
    public static void answerQueriesWith(Main main, SalesforceQueryStandIn standIn) {
        main.bind("salesforce", standIn);
    }

    /** Returns the raw JSON of {@code sample/account-query-answer.json}. */
    public static String sampleQueryAnswer() {
        try (InputStream in =
                SalesforceExampleApplication.class.getClassLoader().getResourceAsStream(SAMPLE_QUERY_ANSWER)) {
            if (in == null) {
                throw new IOException("classpath resource not found: " + SAMPLE_QUERY_ANSWER);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the component at a simulator: its base URL, its demo API key and demo user. */
    public static void useSimulator(Main main, TamtamSimulator simulator) {
        main.addOverrideProperty("camel.component.tamtam.base-url", simulator.baseUrl().toString());
        // a placeholder, not the literal key, so that Camel Main's plain-text secret check stays quiet
        main.addInitialProperty("tamtam.simulator.api-key", TamtamSimulator.DEMO_API_KEY);
        main.addOverrideProperty("camel.component.tamtam.api-key", "{{tamtam.simulator.api-key}}");
        main.addOverrideProperty("camel.component.tamtam.user-email", TamtamSimulator.DEMO_USER_EMAIL);
    }

    /** Returns the sample change events of {@code sample/account-change-events.json}, in order. */
    public static List<ChangeEvent> sampleEvents() {
        try (InputStream in = SalesforceExampleApplication.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IOException("classpath resource not found: " + SAMPLE);
            }
            return new ObjectMapper().readValue(in, new TypeReference<List<ChangeEvent>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a change event to the route, as camel-salesforce would deliver it. */
    public static void send(ProducerTemplate template, ChangeEvent event) {
        template.sendBodyAndHeaders(DEMO_ENDPOINT, event.body(), event.headers());
    }

    private static int runDemo() throws Exception {
        try (TamtamSimulator simulator = TamtamSimulator.start()) {
            List<ChangeEvent> events = sampleEvents();
            LOG.info("TAMTAM_API_KEY is not set: demo mode against the embedded TamTam simulator at {}; the initial "
                    + "load's SOQL query is answered with {}, the Salesforce consumer is replaced by {}, which receives "
                    + "the {} change events of {}", simulator.baseUrl(), SAMPLE_QUERY_ANSWER, DEMO_ENDPOINT,
                    events.size(), SAMPLE);
            Main main = newMain();
            useSimulator(main, simulator);
            replaceSalesforceConsumer(main, DEMO_ENDPOINT);
            String answer = sampleQueryAnswer();
            answerQueriesWith(main, new SalesforceQueryStandIn(soql -> answer));
            main.start();
            try (ProducerTemplate template = main.getCamelContext().createProducerTemplate()) {
                template.sendBody(INITIAL_LOAD_ENDPOINT, null);
                for (ChangeEvent event : events) {
                    send(template, event);
                }
            } finally {
                main.stop();
            }
            LOG.info("Done. The initial load and {} change events, {} requests to the simulator; the demo user's Key "
                    + "Accounts hold {} companies", events.size(),
                    simulator.requests("POST", "/v2/key-accounts").size(),
                    simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).size());
            return 0;
        }
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, SalesforceExampleApplication.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
