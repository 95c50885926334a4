package dev.orgplatform.deploy.testing;

import dev.orgplatform.deploy.StackConfig;
import dev.orgplatform.deploy.StackProfile;
import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

/** Reads the mail GreenMail received for an address, over IMAP (GreenMail accepts any login). */
public final class Mailbox {
    /** A received message, copied out so it outlives the IMAP connection; {@code attachments} holds its non-text parts. */
    public record Mail(String from, List<String> to, String subject, String body, List<Attachment> attachments) {
    }

    /** A non-text part: its type, its Content-ID (null if none) and its bytes. */
    public record Attachment(String contentType, String contentId, byte[] bytes) {
    }

    private final StackConfig cfg;

    public Mailbox(StackConfig cfg) {
        this.cfg = cfg;
    }

    public static Mailbox of(StackProfile profile) {
        return new Mailbox(StackConfig.of(profile));
    }

    /** All messages in the address's inbox, oldest first. */
    public List<Mail> messages(String address) {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        try {
            Store store = Session.getInstance(props).getStore("imap");
            store.connect(cfg.smtpHost(), cfg.imapPort(), address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    List<Mail> result = new ArrayList<>();
                    for (Message m : inbox.getMessages()) result.add(copy(m));
                    return result;
                } finally {
                    inbox.close(false);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("reading mail of " + address + " from GreenMail", e);
        }
    }

    /** Waits until a message matching {@code match} arrives for {@code address}. */
    public Mail await(String address, Predicate<Mail> match, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Mail m : messages(address)) {
                if (match.test(m)) return m;
            }
            if (System.nanoTime() > end) throw new AssertionError("no matching mail for " + address + " within " + timeout);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits for the first message to {@code address}. */
    public Mail await(String address, Duration timeout) {
        return await(address, m -> true, timeout);
    }

    private static Mail copy(Message m) throws MessagingException, IOException {
        Address[] from = m.getFrom();
        Address[] to = m.getRecipients(Message.RecipientType.TO);
        return new Mail(from == null || from.length == 0 ? null : from[0].toString(),
                to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                m.getSubject(), text(m), attachments(m));
    }

    private static List<Attachment> attachments(Part p) throws MessagingException, IOException {
        List<Attachment> found = new ArrayList<>();
        Object content = p.getContent();
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                found.addAll(attachments(mp.getBodyPart(i)));
            }
        } else if (!(content instanceof String) && p instanceof jakarta.mail.internet.MimePart part) {
            try (java.io.InputStream in = p.getInputStream()) {
                found.add(new Attachment(p.getContentType(), part.getContentID(), in.readAllBytes()));
            }
        }
        return found;
    }

    /** Text of a part: plain and HTML alternatives alike, concatenated. */
    private static String text(Part p) throws MessagingException, IOException {
        Object content = p.getContent();
        if (content instanceof String s) return s;
        if (content instanceof Multipart mp) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) sb.append(text(mp.getBodyPart(i))).append('\n');
            return sb.toString();
        }
        return "";
    }
}
