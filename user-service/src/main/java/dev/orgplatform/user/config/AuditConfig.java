package dev.orgplatform.user.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Audit log settings of user-service. */
@ConfigMapping(prefix = "user.audit")
public interface AuditConfig {

    /** How often Keycloak's login events are polled (read by LoginEventPoller's schedule). */
    @WithDefault("5s")
    Duration loginPollInterval();
}
