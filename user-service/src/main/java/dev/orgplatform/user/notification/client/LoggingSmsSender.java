package dev.orgplatform.user.notification.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.user.notification.Notification;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/** The SMS sender of a deployment that plugged in none (and of the local stack): the message goes to the log. */
@ApplicationScoped
@DefaultBean
public class LoggingSmsSender implements SmsSender {

    private static final Logger LOG = Logger.getLogger(LoggingSmsSender.class);

    @Override
    public Uni<Void> send(String address, Notification n) {
        LOG.infof("SMS to %s (no SMS provider plugged in): %s: %s", address, n.title, n.body);
        return Uni.createFrom().voidItem();
    }
}
