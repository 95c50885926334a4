package dev.orgplatform.platform.events;

/** An event no retry can fix: it goes to the dead-letter topic instead of blocking its partition. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }
}
