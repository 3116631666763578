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
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The line this build runs on: Spring Boot 4.0.7 / Camel 4.22 by default, Spring Boot 3.5.7 / Camel 4.14 LTS with
 * -Pspring-boot-3 (the versions come from the pom through surefire). Same context as {@link TamtamStarterTest}.
 */
@SpringBootTest(classes = TamtamStarterTestApplication.class)
class TamtamStarterRuntimeLineTest {

    @DynamicPropertySource
    static void simulatorAddress(DynamicPropertyRegistry registry) {
        TamtamStarterSimulator.register(registry);
    }

    @Autowired
    CamelContext camelContext;

    @Test
    void runsOnTheExpectedSpringBootAndCamel() {
        String camel = System.getProperty("expected.camel.version");
        String springBoot = System.getProperty("expected.spring-boot.version");
        assertNotNull(camel, "run through Maven: the expected versions come from the pom");
        assertEquals(camel, camelContext.getVersion());
        assertEquals(springBoot, SpringBootVersion.getVersion());
        assertNotNull(camelContext.getComponent("tamtam", TamtamComponent.class));
        System.out.println("camel-tamtam-starter runs on Spring Boot " + SpringBootVersion.getVersion() + ", Camel "
                + camelContext.getVersion() + ", Java " + Runtime.version().feature());
    }
}
