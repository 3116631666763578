package io.github.cameltamtam.docs.recipes;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;

/** The scale-out page's route that runs on the elected leader only. */
public class LeaderOnlyRoute extends RouteBuilder {

    @Override
    public void configure() throws Exception {
        // tag::route[]
        from("file:shared/inbox?include=.*\\.csv&move=.done")
                .routePolicy(ClusteredRoutePolicy.forNamespace("tamtam-inbox"))   // active on the leader only
                .to("tamtam:keyAccounts");
        // end::route[]
    }
}
