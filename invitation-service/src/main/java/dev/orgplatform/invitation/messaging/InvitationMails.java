package dev.orgplatform.invitation.messaging;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.orgplatform.invitation.Invitation;
import dev.orgplatform.invitation.client.MailBranding;
import dev.orgplatform.invitation.config.InvitationConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/** The invitation mail: who invites, as what, and the single-use accept link, in the organization's look. Sent over SMTP. */
@ApplicationScoped
public class InvitationMails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The link's colour when the organization's tree sets none. */
    private static final String DEFAULT_COLOUR = "#1f6feb";
    private static final String LOGO_CONTENT_ID = "<logo@orgplatform>";
    private static final Pattern ADDRESS = Pattern.compile("<([^>]+)>");

    private final ReactiveMailer mailer;
    private final String acceptUrlBase;
    private final Duration timeout;
    private final String fromAddress;

    public InvitationMails(ReactiveMailer mailer, InvitationConfig config, @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.mailer = mailer;
        this.acceptUrlBase = config.acceptUrlBase().replaceFirst("/+$", "");
        this.timeout = config.mail().timeout();
        Matcher address = ADDRESS.matcher(from);
        this.fromAddress = address.find() ? address.group(1) : from.trim();
    }

    /** The link carries the token itself: it exists only in this mail, the database keeps its hash. */
    public String acceptLink(String token) {
        return acceptUrlBase + "/accept?token=" + token;
    }

    /**
     * The mail in the organization's look ({@link MailBranding.Look}): sent under its mail display name, naming it,
     * with its logo inline and its colour on the link; plain parts where it has none.
     */
    public Uni<Void> send(Invitation i, String token, MailBranding.Look look) {
        String organization = look.organizationName() == null ? "an organization" : look.organizationName();
        StringBuilder text = new StringBuilder()
                .append("Hello ").append(i.name).append(",\n\n")
                .append("you are invited to join ").append(organization).append(" as ").append(i.role)
                .append(" (teams: ").append(String.join(", ", i.teams)).append(").\n\n");
        if (i.note != null && !i.note.isBlank()) {
            text.append("Note from the inviter:\n").append(i.note).append("\n\n");
        }
        text.append("Accept the invitation (the link works once, until ").append(WHEN.format(i.expiresAt)).append("):\n")
                .append(acceptLink(token)).append("\n\n")
                .append("If you did not expect this invitation, ignore this mail.\n");
        Mail mail = Mail.withText(i.email, "You are invited to join " + organization, text.toString())
                .setHtml(html(i, token, organization, look));
        if (look.senderName() != null) {
            mail.setFrom(look.senderName().replaceAll("[\"<>\r\n]", "") + " <" + fromAddress + ">");
        }
        if (look.logo() != null) {
            mail.addInlineAttachment("logo", look.logo(), look.logoType(), LOGO_CONTENT_ID);
        }
        return mailer.send(mail).ifNoItem().after(timeout).fail();
    }

    private String html(Invitation i, String token, String organization, MailBranding.Look look) {
        String colour = look.primaryColor() == null ? DEFAULT_COLOUR : look.primaryColor();
        StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif\">");
        if (look.logo() != null) {
            html.append("<p><img src=\"cid:").append(LOGO_CONTENT_ID.replaceAll("[<>]", "")).append("\" alt=\"")
                    .append(escape(organization)).append("\" style=\"max-height:64px\"></p>");
        }
        html.append("<p>Hello ").append(escape(i.name)).append(",</p><p>you are invited to join <strong>").append(escape(organization))
                .append("</strong> as ").append(i.role).append(" (teams: ").append(escape(String.join(", ", i.teams))).append(").</p>");
        if (i.note != null && !i.note.isBlank()) {
            html.append("<blockquote>").append(escape(i.note)).append("</blockquote>");
        }
        html.append("<p><a href=\"").append(escape(acceptLink(token))).append("\" style=\"background:").append(colour)
                .append(";color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none\">Accept the invitation</a></p>")
                .append("<p>The link works once, until ").append(WHEN.format(i.expiresAt)).append(".</p>")
                .append("<p>If you did not expect this invitation, ignore this mail.</p></body></html>");
        return html.toString();
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
