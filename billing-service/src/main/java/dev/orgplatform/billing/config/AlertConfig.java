package dev.orgplatform.billing.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Usage-alert mails ({@code billing.alerts.*}); each default is set here and nowhere else. */
@ConfigMapping(prefix = "billing.alerts")
public interface AlertConfig {

    /** How often recorded threshold crossings are mailed, after their commit ({@code AlertEmailJob}'s schedule). */
    @WithDefault("2s")
    Duration emailInterval();

    /** At most this many mails per run. */
    @WithDefault("50")
    int emailBatch();
}
