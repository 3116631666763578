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
package io.github.cameltamtam.docs.boot;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spring Boot page's application as written (its pom blocks are this module's, its properties this module's
 * application.properties), started as {@code main} starts it, with the environment the page asks for (surefire
 * sets TAMTAM_API_KEY and TAMTAM_USER_EMAIL; the base URL is a command-line property): it adds the three IDs to the simulator and keeps running afterwards.
 */
class SpringBootPageTest {

    @Test
    void applicationAddsTheIdsAndKeepsRunning() throws Exception {
        try (TamtamSimulator simulator = TamtamSimulator.start()) {
            SpringApplication app = new SpringApplication(KeyAccountsApplication.class);
            AtomicReference<NotifyBuilder> done = new AtomicReference<>();
            // set up before the routes start: the timer fires once, right after start-up
            app.addInitializers(spring -> spring.getBeanFactory().registerSingleton("notifyOnDone",
                    new CamelContextConfiguration() {
                        @Override
                        public void beforeApplicationStart(CamelContext camel) {
                            done.set(new NotifyBuilder(camel).fromRoute("push-key-accounts").whenCompleted(1).create());
                        }

                        @Override
                        public void afterApplicationStart(CamelContext camel) {
                        }
                    }));
            try (ConfigurableApplicationContext spring = app.run(
                    "--camel.component.tamtam.base-url=" + simulator.baseUrl(),
                    "--logging.level.root=WARN")) {
                CamelContext camel = spring.getBean(CamelContext.class);
                assertTrue(done.get().matches(30, TimeUnit.SECONDS), "the timer route did not complete");
                assertEquals(List.of("1035", "1441", "2382910"), simulator.requests("POST", "/v2/key-accounts").get(0)
                        .companyLinkedinIds());
                assertEquals(List.of("imported", "spring"), simulator.demoAccount()
                        .keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).get("1035").tags());

                // camel.main.run-controller=true: a non-daemon thread keeps the JVM alive once main() has returned
                assertTrue(Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.isAlive() && !t.isDaemon() && t.getName().contains("CamelMainRunController")),
                        "no run controller thread: " + Thread.getAllStackTraces().keySet());
                assertTrue(camel.isStarted());
            }
        }
    }
}
