package dev.orgplatform.invitation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * invitation-service's settings, each default set here once. How long an invitation is valid is the expiry
 * rule's own: {@code InvitationExpiry}.
 */
@ConfigMapping(prefix = "invitation")
public interface InvitationConfig {

    /** The mail's link is {@code <base>/accept?token=...}: the web app's page, which posts the token to the API. */
    @WithDefault("http://localhost:3000/invitations")
    String acceptUrlBase();

    /** The job that records overdue invitations and publishes InvitationExpired. */
    @WithName("expiry")
    ExpiryJob expiryJob();

    Mail mail();

    Keycloak keycloak();

    UserService userService();

    BadTokens badTokens();

    Resend resend();

    interface ExpiryJob {
        @WithDefault("60s")
        Duration interval();

        @WithDefault("200")
        int batchSize();
    }

    interface Mail {
        @WithDefault("10s")
        Duration timeout();

        /** How long a mail waits for its organization's branding at org-service before it goes out unbranded. */
        @WithDefault("2s")
        Duration brandingTimeout();

        /** Bytes of logos kept between mails (by their digest; a logo is at most 512 KB). */
        @WithDefault("8388608")
        long logoCacheBytes();
    }

    /** Keycloak's admin API, to register invitees without an account. */
    interface Keycloak {
        @WithDefault("5s")
        Duration timeout();
    }

    /** The teams lookup, and the wait after an acceptance until the membership is usable (0: do not wait). */
    interface UserService {
        @WithDefault("3s")
        Duration timeout();

        @WithDefault("5s")
        Duration readYourWritesTimeout();
    }

    /** Bad-token attempts per client address before 429. */
    /** How often an invitation may be sent again, per invitation and per organization, in one window. */
    interface Resend {
        @WithDefault("5")
        int perInvitation();

        @WithDefault("100")
        int perOrganization();

        @WithDefault("PT1H")
        Duration window();
    }

    interface BadTokens {
        @WithDefault("10")
        int limit();

        @WithDefault("PT1M")
        Duration window();
    }
}
