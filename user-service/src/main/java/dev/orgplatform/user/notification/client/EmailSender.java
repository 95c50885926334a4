package dev.orgplatform.user.notification.client;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.notification.Notification;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/** A notification by email, over SMTP. */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final ReactiveMailer mailer;

    public EmailSender(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public Uni<Void> send(String address, Notification n) {
        return mailer.send(Mail.withText(address, n.title, n.body + "\n\nYou get these because of your notification preferences ("
                + n.category + "); change them on your profile.\n"));
    }
}
