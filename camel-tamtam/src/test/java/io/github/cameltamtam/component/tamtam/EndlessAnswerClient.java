package io.github.cameltamtam.component.tamtam;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Child JVM of {@link EndlessAnswerMemoryTest}: one exchange with default options against the given base URL, in a
 * small heap. Prints {@code outcome=...}, then {@code stopped} once the context is stopped, and exits.
 */
public final class EndlessAnswerClient {

    private EndlessAnswerClient() {
    }

    public static void main(String[] args) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            TamtamComponent tamtam = new TamtamComponent();
            tamtam.getConfiguration().setBaseUrl(args[0]);
            tamtam.getConfiguration().setApiKey(args[1]);
            tamtam.getConfiguration().setUserEmail(args[2]);
            context.addComponent("tamtam", tamtam);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(defaultErrorHandler().logExhausted(false));
                    from("direct:add").to("tamtam:keyAccounts");
                }
            });
            context.start();
            Exchange out = context.createProducerTemplate().request("direct:add",
                    e -> e.getMessage().setBody(List.of("7000001", "7000002")));
            Exception e = out.getException();
            System.out.println("outcome=" + (e == null ? "success" : e.getClass().getSimpleName() + ": " + e.getMessage()));
            System.out.flush();
        }
        System.out.println("stopped");
        System.out.flush();
        System.exit(0);
    }
}
