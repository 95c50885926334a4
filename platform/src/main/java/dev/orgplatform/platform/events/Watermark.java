package dev.orgplatform.platform.events;

/**
 * A relay's promise, sent to every partition of a topic it publishes to: every event its service committed before the
 * watermark's time ({@code ce_time}: when the relay began reading an outbox it then drained) is on this partition
 * ahead of this record. A consumer that has applied a watermark has applied everything committed before its time;
 * one whose newest watermark is old cannot tell what it missed. Watermarks carry no data and no organization;
 * consumers that do not follow them skip them.
 */
public final class Watermark {

    public static final String TYPE = "OutboxWatermark";

    private Watermark() {
    }

    public static boolean is(InboundEvent event) {
        return TYPE.equals(event.type());
    }
}
