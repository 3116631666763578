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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.cameltamtam.component.tamtam.keyaccounts.ImportProgressLog;
import io.github.cameltamtam.component.tamtam.metrics.TamtamEndpointMetrics;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code tamtam} dev console ({@code camel get dev-console tamtam}, Camel Main's {@code /q/dev/tamtam}): every
 * tamtam endpoint of the CamelContext with its {@link TamtamEndpointMetrics} counters and the exchanges sending now
 * with their progress (file name or exchange id, IDs sent of all, IDs/s, seconds left). URIs are shown with secrets
 * masked.
 */
@DevConsole(name = "tamtam", displayName = "TamTam", description = "TamTam endpoints: company IDs by outcome, requests")
public class TamtamDevConsole extends AbstractDevConsole {

    public TamtamDevConsole() {
        super("camel", "tamtam", "TamTam", "TamTam endpoints: company IDs by outcome, requests");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (TamtamEndpoint endpoint : endpoints()) {
            sb.append("\n    ").append(URISupport.sanitizeUri(endpoint.getEndpointUri()));
            endpoint.getMetrics().snapshot().forEach((name, value) -> sb.append(
                    String.format("%n        %s: %s", name,
                            value instanceof Double d ? String.format("%.2f", d) : value)));
            for (Map<String, Object> running : imports(endpoint)) {
                sb.append(String.format("%n        sending %s: %s of %s IDs sent, %s IDs/s, %s s left",
                        running.get("name"),
                        running.get("sent"), running.get("ids"), running.get("idsPerSecond"),
                        (long) running.get("secondsLeft") < 0 ? "?" : running.get("secondsLeft")));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<JsonObject> list = new ArrayList<>();
        for (TamtamEndpoint endpoint : endpoints()) {
            JsonObject jo = new JsonObject();
            jo.put("uri", URISupport.sanitizeUri(endpoint.getEndpointUri()));
            jo.put("operation", endpoint.getConfiguration().getOperation().name());
            jo.put("metrics", new JsonObject(endpoint.getMetrics().snapshot()));
            List<JsonObject> imports = new ArrayList<>();
            imports(endpoint).forEach(running -> imports.add(new JsonObject(running)));
            jo.put("sending", imports);
            list.add(jo);
        }
        root.put("endpoints", list);
        return root;
    }

    private static List<Map<String, Object>> imports(TamtamEndpoint endpoint) {
        ImportProgressLog progress = endpoint.getProgress();
        return progress == null ? List.of() : progress.inFlight();
    }

    private List<TamtamEndpoint> endpoints() {
        List<TamtamEndpoint> endpoints = new ArrayList<>();
        for (Endpoint endpoint : getCamelContext().getEndpoints()) {
            if (endpoint instanceof TamtamEndpoint tamtam) {
                endpoints.add(tamtam);
            }
        }
        return endpoints;
    }
}
