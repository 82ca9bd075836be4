package dev.spindle.localcluster;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import javax.servlet.Filter;

import org.apache.hadoop.http.HttpServer2;
import org.apache.hadoop.service.Service;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.apache.hadoop.yarn.server.nodemanager.NodeManager;
import org.apache.hadoop.yarn.server.nodemanager.webapp.WebServer;
import org.apache.hadoop.yarn.server.resourcemanager.ResourceManager;
import org.apache.hadoop.yarn.webapp.WebApp;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.FilterMapping;
import org.eclipse.jetty.servlet.ServletHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each web app of an in-JVM YARN cluster (the ResourceManager's and every NodeManager's)
 * its own Guice routes. Hadoop registers Guice's servlet filter by class name, and a GuiceFilter
 * made that way routes through one static pipeline: the last web app started (a NodeManager)
 * answers on every port, so the ResourceManager's UI and REST answer 404 and NodeManagers answer
 * for each other. Each web app does hold a GuiceFilter from its own injector (bound to its own
 * pipeline); this puts that filter right in front of the class-named one, which then only sees
 * requests the web app's own routes do not serve.
 *
 * <p>Reaches into Hadoop 3.4's web app internals (checked by the embedded cluster's tests); only
 * the embedded cluster needs it, since a real cluster runs one web app per JVM.
 */
final class GuiceFilterIsolation {

    private static final Logger LOG = LoggerFactory.getLogger(GuiceFilterIsolation.class);
    private static final String HADOOP_GUICE_FILTER = "guice";
    private static final String OWN_FILTER = "guice-own-injector";

    private GuiceFilterIsolation() {
    }

    static void apply(MiniYARNCluster yarn, int numNodeManagers) throws ReflectiveOperationException {
        List<WebApp> webApps = new ArrayList<>();
        for (int i = 0; i < yarn.getNumOfResourceManager(); i++) {
            ResourceManager rm = yarn.getResourceManager(i);
            Method getWebapp = ResourceManager.class.getDeclaredMethod("getWebapp");
            getWebapp.setAccessible(true);
            webApps.add((WebApp) getWebapp.invoke(rm));
        }
        for (int i = 0; i < numNodeManagers; i++) {
            NodeManager nm = yarn.getNodeManager(i);
            for (Service service : nm.getServices()) {
                if (service instanceof WebServer webServer) {
                    Field webApp = WebServer.class.getDeclaredField("webApp");
                    webApp.setAccessible(true);
                    webApps.add((WebApp) webApp.get(webServer));
                }
            }
        }
        for (WebApp webApp : webApps) {
            if (webApp != null) {
                isolate(webApp);
            }
        }
    }

    private static void isolate(WebApp webApp) throws ReflectiveOperationException {
        Field field = WebApp.class.getDeclaredField("guiceFilter");
        field.setAccessible(true);
        Filter own = (Filter) field.get(webApp);
        HttpServer2 server = webApp.httpServer();
        ServletHandler handler = server.getWebAppContext().getServletHandler();
        FilterMapping hadoops = null;
        for (FilterMapping m : handler.getFilterMappings()) {
            if (HADOOP_GUICE_FILTER.equals(m.getFilterName())) {
                hadoops = m;
            }
        }
        if (own == null || hadoops == null) {
            LOG.warn("Web app on port {} has no Guice filter to isolate", webApp.port());
            return;
        }
        FilterHolder holder = new FilterHolder(own);
        holder.setName(OWN_FILTER);
        FilterMapping mapping = new FilterMapping();
        mapping.setFilterName(OWN_FILTER);
        mapping.setPathSpecs(hadoops.getPathSpecs());
        mapping.setDispatcherTypes(hadoops.getDispatcherTypes());
        List<FilterMapping> mappings = new ArrayList<>();
        for (FilterMapping m : handler.getFilterMappings()) {
            if (m == hadoops) {
                mappings.add(mapping);
            }
            mappings.add(m);
        }
        handler.addFilter(holder);
        try {
            holder.start();
            holder.initialize();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Guice filter of the web app on port " + webApp.port(), e);
        }
        handler.setFilterMappings(mappings.toArray(FilterMapping[]::new));
        LOG.info("Web app on port {} routes through its own Guice injector", webApp.port());
    }
}
