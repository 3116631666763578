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
package io.github.cameltamtam.component.tamtam.springboot;

import io.github.cameltamtam.component.tamtam.TamtamComponent;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** camel.component.tamtam.enabled=false turns the auto-configuration off: the properties no longer reach the component. */
@SpringBootTest(classes = TamtamStarterTestApplication.class, properties = {
        "camel.component.tamtam.enabled=false",
        // without its key the route's endpoint could not be created: leave the route out
        "camel.main.routes-collector-enabled=false"})
class TamtamStarterDisabledTest {

    @DynamicPropertySource
    static void simulatorAddress(DynamicPropertyRegistry registry) {
        TamtamStarterSimulator.register(registry);
    }

    @Autowired
    ApplicationContext applicationContext;

    @Autowired
    CamelContext camelContext;

    @Test
    void noCustomizerAndNoCopiedOption() {
        assertTrue(applicationContext.getBeansOfType(TamtamComponentAutoConfiguration.class).isEmpty());
        TamtamComponent component = camelContext.getComponent("tamtam", TamtamComponent.class);
        assertNull(component.getConfiguration().getApiKey());
        assertEquals(50, component.getConfiguration().getBatchSize());
    }
}
