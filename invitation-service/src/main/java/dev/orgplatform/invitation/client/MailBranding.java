package dev.orgplatform.invitation.client;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.orgplatform.invitation.config.InvitationConfig;
import io.smallrye.mutiny.Uni;

/**
 * How a mail sent in an organization's name looks: its name, the name mails go out under, its colour and logo, as
 * org-service says they hold for it (the nearest set up its tree). Asked outside any transaction; when org-service
 * does not answer in time the mail goes out plain rather than late. The logo's bytes are read once per digest.
 */
@ApplicationScoped
public class MailBranding {

    /** What a mail shows; null parts are left out. */
    public record Look(String organizationName, String senderName, String primaryColor, byte[] logo, String logoType) {

        public static final Look PLAIN = new Look(null, null, null, null, null);
    }

    private static final Logger LOG = Logger.getLogger(MailBranding.class);

    private final BrandingApi branding;
    private final InvitationConfig config;
    private final LogoCache logos;

    public MailBranding(@RestClient BrandingApi branding, InvitationConfig config) {
        this.branding = branding;
        this.config = config;
        this.logos = new LogoCache(config.mail().logoCacheBytes());
    }

    public Uni<Look> of(UUID organizationId) {
        return branding.branding(organizationId).chain(b -> {
            BrandingApi.Effective e = b.effective();
            if (e == null || e.logo() == null) {
                return Uni.createFrom().item(new Look(b.displayName(), e == null ? null : e.mailDisplayName(),
                        e == null ? null : e.primaryColor(), null, null));
            }
            return logo(organizationId, e.logo().sha256()).map(bytes -> new Look(b.displayName(), e.mailDisplayName(),
                    e.primaryColor(), bytes, e.logo().mediaType()));
        }).ifNoItem().after(config.mail().brandingTimeout()).fail()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("branding of organization %s not read (%s): its mail goes out plain", organizationId, failure.toString());
                    return Look.PLAIN;
                });
    }

    private Uni<byte[]> logo(UUID organizationId, String sha256) {
        byte[] held = logos.get(sha256);
        if (held != null) {
            return Uni.createFrom().item(held);
        }
        return branding.logo(organizationId).invoke(bytes -> logos.put(sha256, bytes));
    }
}
