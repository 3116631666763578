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
package io.github.cameltamtam.karaf.route;

import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import io.github.cameltamtam.component.tamtam.TamtamComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.cm.ManagedService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route bundle of KarafRouteIT: runs {@link CsvKeyAccountsRoute} in an OSGi CamelContext (camel-karaf's
 * {@link OsgiDefaultCamelContext}) configured from Config Admin, PID {@value #PID} (Karaf:
 * {@code etc/io.github.cameltamtam.karafit.cfg}): {@code inbox} and the component options as
 * {@code camel.component.tamtam.<kebab-name>} (the names Camel Main and Spring Boot use). A new configuration
 * restarts the CamelContext.
 *
 * <p>It logs which bundle the {@code tamtam} component came from, the component's generated configurer and how
 * the camel-tamtam bundle's imports were wired, so that a test can read all of that in Karaf's log.
 */
public final class KeyAccountsRouteActivator implements BundleActivator, ManagedService {

    /** Config Admin PID of the route's configuration. */
    public static final String PID = "io.github.cameltamtam.karafit";
    /** Marker of this bundle's log lines. */
    public static final String MARK = "TAMTAM-KARAF-IT";

    private static final Logger LOG = LoggerFactory.getLogger(KeyAccountsRouteActivator.class);
    private static final String COMPONENT_PREFIX = "camel.component.tamtam.";

    private BundleContext bundleContext;
    private ServiceRegistration<ManagedService> registration;
    private CamelContext camel;

    @Override
    @SuppressWarnings("JdkObsolete") // OSGi's registerService takes a Dictionary
    public void start(BundleContext context) {
        bundleContext = context;
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_PID, PID);
        registration = context.registerService(ManagedService.class, this, props);
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
        stopCamel();
    }

    @Override
    public synchronized void updated(Dictionary<String, ?> properties) throws ConfigurationException {
        stopCamel();
        if (properties == null) {
            LOG.info("{} waiting for configuration {}", MARK, PID);
            return;
        }
        String inbox = (String) properties.get("inbox");
        if (inbox == null || inbox.isBlank()) {
            throw new ConfigurationException("inbox", "missing: the folder the route reads CSV files from");
        }
        Map<String, Object> options = new HashMap<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (key.startsWith(COMPONENT_PREFIX)) {
                options.put(StringHelper.dashToCamelCase(key.substring(COMPONENT_PREFIX.length())),
                        properties.get(key));
            }
        }
        try {
            camel = startCamel(inbox, options);
        } catch (ConfigurationException e) {
            throw e;
        } catch (Exception e) {
            LOG.error("{} CamelContext failed to start", MARK, e);
            throw new ConfigurationException(null, "CamelContext failed to start: " + e.getMessage(), e);
        }
    }

    private CamelContext startCamel(String inbox, Map<String, Object> options) throws Exception {
        OsgiDefaultCamelContext context = new OsgiDefaultCamelContext(bundleContext);
        context.getCamelContextExtension().setName("tamtam-karaf-it");
        // resolved through camel-core-osgi's extender from the camel-tamtam bundle's META-INF/services
        TamtamComponent tamtam = context.getComponent("tamtam", TamtamComponent.class);
        PropertyConfigurer configurer = tamtam.getComponentPropertyConfigurer();
        PropertyBindingSupport.build().withConfigurer(configurer).withRemoveParameters(true)
                .bind(context, tamtam, options);
        if (!options.isEmpty()) {
            context.stop();
            throw new ConfigurationException(COMPONENT_PREFIX + options.keySet().iterator().next(),
                    "not an option of the tamtam component");
        }
        logWiring(tamtam, configurer);
        context.addRoutes(new CsvKeyAccountsRoute(inbox));
        context.start();
        LOG.info("{} route started, reading {}", MARK, inbox);
        return context;
    }

    private static void logWiring(TamtamComponent tamtam, PropertyConfigurer configurer) {
        Bundle bundle = FrameworkUtil.getBundle(tamtam.getClass());
        LOG.info("{} component {} from bundle {} {}, configurer {}", MARK, tamtam.getClass().getName(),
                bundle == null ? "none" : bundle.getSymbolicName(), bundle == null ? "" : bundle.getVersion(),
                configurer == null ? "none" : configurer.getClass().getName());
        if (bundle == null) {
            return;
        }
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        for (BundleWire wire : wiring.getRequiredWires(BundleRevision.PACKAGE_NAMESPACE)) {
            Bundle provider = wire.getProviderWiring().getBundle();
            LOG.info("{} wire {} -> {} {}", MARK,
                    wire.getCapability().getAttributes().get(BundleRevision.PACKAGE_NAMESPACE),
                    provider.getSymbolicName(), provider.getVersion());
        }
    }

    private void stopCamel() {
        CamelContext running;
        synchronized (this) {
            running = camel;
            camel = null;
        }
        if (running != null) {
            running.stop();
        }
    }
}
