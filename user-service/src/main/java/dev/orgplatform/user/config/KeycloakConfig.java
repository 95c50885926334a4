package dev.orgplatform.user.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How user-service reaches Keycloak's admin API (url and realm also build the REST clients' URL in application.properties). */
@ConfigMapping(prefix = "platform.keycloak")
public interface KeycloakConfig {

    String url();

    String realm();

    /** Each admin call is bounded by this; past it Keycloak counts as down (503). */
    @WithDefault("5s")
    Duration timeout();
}
