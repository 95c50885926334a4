package dev.orgplatform.user.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** SSO connections and verified domains. */
@ConfigMapping(prefix = "user.sso")
public interface SsoConfig {

    /** The DNS server domain verification asks ({@code host:port}); none: the system's resolver. */
    Optional<String> dnsServer();

    @WithDefault("3s")
    Duration dnsTimeout();

    /** How often a replica brings organizations whose SSO changed into step with Keycloak (a failed sync is retried then). */
    @WithDefault("5s")
    Duration syncInterval();

    /** The most connections one organization may have. */
    @WithDefault("10")
    int maxConnections();

    /** The most domains one organization may claim. */
    @WithDefault("20")
    int maxDomains();
}
