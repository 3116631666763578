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

import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * https to the simulator with a self-signed certificate made at test time (the JDK's keytool): trusted through the
 * sslContextParameters option or the CamelContext's global SSLContextParameters it works; untrusted it fails at once
 * with an error naming TLS, not a retried I/O loop.
 */
class TlsTrustTest {

    private static TamtamSimulator https;

    @BeforeAll
    static void startHttpsSimulator() {
        https = TamtamSimulator.builder().tls(TestTls.material().serverContext()).rateLimit(0).start();
    }

    @AfterAll
    static void stopHttpsSimulator() {
        https.close();
    }

    @Test
    void aCertificateTrustedThroughSslContextParametersWorks() throws Exception {
        Exchange out = send(tamtam -> tamtam.getConfiguration().setSslContextParameters(TestTls.trusting()), null);
        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertTrue(https.requests("POST", "/v2/key-accounts").stream()
                .allMatch(r -> TamtamSimulator.DEMO_API_KEY.equals(r.header("authorization"))));
    }

    @Test
    void theGlobalSslContextParametersAreUsedWhenAllowed() throws Exception {
        Exchange out = send(tamtam -> tamtam.setUseGlobalSslContextParameters(true), TestTls.trusting());
        assertNull(out.getException(), () -> String.valueOf(out.getException()));
    }

    @Test
    void anUntrustedCertificateFailsWithATlsErrorAndIsNotRetried() throws Exception {
        int before = https.requests().size();
        Exchange out = send(tamtam -> {
        }, null);

        TamtamApiException e = assertInstanceOf(TamtamApiException.class, out.getException());
        assertTrue(e.getMessage().startsWith("TLS handshake with 127.0.0.1 failed"), e::getMessage);
        assertTrue(e.getMessage().contains("not retried"), e::getMessage);
        assertEquals(1, e.getResult().getRequestCount());
        assertEquals(ids(4000, 2), e.getResult().getFailedCompanyLinkedinIds());
        assertEquals(before, https.requests().size(), "nothing reached the API");
    }

    private static Exchange send(java.util.function.Consumer<TamtamComponent> setup, SSLContextParameters global)
            throws Exception {
        try (CamelContext context = TamtamContexts.create(https.baseUrl().toString(), setup, "")) {
            if (global != null) {
                context.setSSLContextParameters(global);
            }
            context.start();
            return context.createProducerTemplate().request("direct:add", e -> e.getMessage().setBody(ids(4000, 2)));
        }
    }
}
