package io.github.cameltamtam.component.tamtam;

import java.util.function.Consumer;

import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A CamelContext of its own, for tests that need several, a special component or a start that fails: a tamtam
 * component with the simulator's demo key, user and base URL ({@code setup} changes it), and the route
 * {@code direct:add -> tamtam:keyAccounts?<endpointOptions>} (exhausted failures not logged). Not started.
 */
final class TamtamContexts {

    private TamtamContexts() {
    }

    static CamelContext create(String baseUrl, Consumer<TamtamComponent> setup, String endpointOptions)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        TamtamComponent tamtam = new TamtamComponent();
        TamtamConfiguration configuration = tamtam.getConfiguration();
        configuration.setApiKey(TamtamSimulator.DEMO_API_KEY);
        configuration.setBaseUrl(baseUrl);
        configuration.setUserEmail(TamtamSimulator.DEMO_USER_EMAIL);
        configuration.setRetryDelay(10);
        setup.accept(tamtam);
        context.addComponent("tamtam", tamtam);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false));
                from("direct:add").to("tamtam:keyAccounts" + (endpointOptions.isEmpty() ? "" : "?" + endpointOptions));
            }
        });
        return context;
    }
}
