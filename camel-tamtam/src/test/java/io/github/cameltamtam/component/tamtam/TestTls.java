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

import io.github.cameltamtam.simulator.SelfSignedTls;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * One self-signed certificate per test JVM (keytool runs three times to make it: worth sharing), deleted when the JVM
 * ends, and Camel SSLContextParameters trusting it, as a corporate trust store would.
 */
final class TestTls {

    private static SelfSignedTls material;

    private TestTls() {
    }

    static synchronized SelfSignedTls material() {
        if (material == null) {
            SelfSignedTls generated = SelfSignedTls.generate();
            Runtime.getRuntime().addShutdownHook(new Thread(generated::close, "test-tls-cleanup"));
            material = generated;
        }
        return material;
    }

    /** SSLContextParameters whose trust store holds only the test certificate. */
    static SSLContextParameters trusting() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + material().trustStore().toAbsolutePath());
        store.setPassword(SelfSignedTls.PASSWORD);
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }
}
