package dev.orgplatform.user.notification.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.user.notification.Notification;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/** The webhook sender of a deployment that plugged in none (and of the local stack): the call goes to the log. */
@ApplicationScoped
@DefaultBean
public class LoggingWebhookSender implements WebhookSender {

    private static final Logger LOG = Logger.getLogger(LoggingWebhookSender.class);

    @Override
    public Uni<Void> send(String address, Notification n) {
        LOG.infof("webhook %s (no webhook sender plugged in): %s %s: %s", address, n.category, n.title, n.body);
        return Uni.createFrom().voidItem();
    }
}
