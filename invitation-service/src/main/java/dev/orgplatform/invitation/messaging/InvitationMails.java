package dev.orgplatform.invitation.messaging;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.invitation.Invitation;
import dev.orgplatform.invitation.config.InvitationConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/** The invitation mail: who invites, as what, and the single-use accept link. Sent over SMTP. */
@ApplicationScoped
public class InvitationMails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ReactiveMailer mailer;
    private final String acceptUrlBase;
    private final Duration timeout;

    public InvitationMails(ReactiveMailer mailer, InvitationConfig config) {
        this.mailer = mailer;
        this.acceptUrlBase = config.acceptUrlBase().replaceFirst("/+$", "");
        this.timeout = config.mail().timeout();
    }

    /** The link carries the token itself: it exists only in this mail, the database keeps its hash. */
    public String acceptLink(String token) {
        return acceptUrlBase + "/accept?token=" + token;
    }

    public Uni<Void> send(Invitation i, String token) {
        StringBuilder text = new StringBuilder()
                .append("Hello ").append(i.name).append(",\n\n")
                .append("you are invited to join an organization as ").append(i.role)
                .append(" (teams: ").append(String.join(", ", i.teams)).append(").\n\n");
        if (i.note != null && !i.note.isBlank()) {
            text.append("Note from the inviter:\n").append(i.note).append("\n\n");
        }
        text.append("Accept the invitation (the link works once, until ").append(WHEN.format(i.expiresAt)).append("):\n")
                .append(acceptLink(token)).append("\n\n")
                .append("If you did not expect this invitation, ignore this mail.\n");
        return mailer.send(Mail.withText(i.email, "You are invited to join an organization", text.toString()))
                .ifNoItem().after(timeout).fail();
    }
}
