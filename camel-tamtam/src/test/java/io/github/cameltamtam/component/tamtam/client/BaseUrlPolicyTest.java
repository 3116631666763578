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

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaseUrlPolicyTest {

    @Test
    void httpsIsAcceptedAndTrailingSlashDropped() {
        assertEquals("https://api.tamtam.ai/api", BaseUrlPolicy.check("https://api.tamtam.ai/api/").toString());
    }

    @Test
    void plainHttpIsAcceptedOnlyForLoopback() {
        BaseUrlPolicy.check("http://127.0.0.1:8080/api");
        BaseUrlPolicy.check("http://localhost:8080/api");
        BaseUrlPolicy.check("http://[::1]:8080/api");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BaseUrlPolicy.check("http://api.tamtam.ai/api"));
        assertTrue(e.getMessage().contains("baseUrl") && e.getMessage().contains("http://api.tamtam.ai/api"));
        assertThrows(IllegalArgumentException.class, () -> BaseUrlPolicy.check("http://10.0.0.1/api"));
    }

    @Test
    void otherSchemesAndCredentialsInTheUrlAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BaseUrlPolicy.check("ftp://api.tamtam.ai/api"));
        assertThrows(IllegalArgumentException.class, () -> BaseUrlPolicy.check("https://user:pw@api.tamtam.ai/api"));
        assertThrows(IllegalArgumentException.class, () -> BaseUrlPolicy.check("not a url"));
    }
}
