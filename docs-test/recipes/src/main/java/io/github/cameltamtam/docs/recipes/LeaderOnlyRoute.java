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
