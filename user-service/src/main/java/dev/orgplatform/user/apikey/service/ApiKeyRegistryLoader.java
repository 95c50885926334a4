package dev.orgplatform.user.apikey.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.orgplatform.user.apikey.repository.ApiKeyRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/** Fills the {@link ApiKeyRegistry} with the live keys before the service takes traffic. */
@ApplicationScoped
public class ApiKeyRegistryLoader {

    private static final Logger LOG = Logger.getLogger(ApiKeyRegistryLoader.class);

    private final ApiKeyRegistry registry;
    private final ApiKeyRepository keys;

    public ApiKeyRegistryLoader(ApiKeyRegistry registry, ApiKeyRepository keys) {
        this.registry = registry;
        this.keys = keys;
    }

    void onStart(@Observes StartupEvent start) throws Throwable {
        int loaded = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> keys.live())
                .invoke(all -> all.forEach(registry::put)).map(List::size));
        LOG.infof("API key registry loaded: %d live keys", loaded);
    }
}
