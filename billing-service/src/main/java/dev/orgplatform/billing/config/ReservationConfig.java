package dev.orgplatform.billing.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Quota reservations ({@code billing.reservation.*}); each default is set here and nowhere else. */
@ConfigMapping(prefix = "billing.reservation")
public interface ReservationConfig {

    /** How long units reserved but never committed stay held before they return. */
    @WithDefault("PT15M")
    Duration hold();

    /** How often held units past their hold are given back ({@code ReservationExpiryJob}'s schedule). */
    @WithDefault("30s")
    Duration expiryInterval();

    /** At most this many expired reservations per run. */
    @WithDefault("500")
    int expiryBatch();
}
