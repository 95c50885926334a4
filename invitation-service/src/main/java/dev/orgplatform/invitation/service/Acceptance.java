package dev.orgplatform.invitation.service;

import java.util.UUID;

/** The signed-in user {@code userId} with {@code email} presents {@code token} from {@code client} (an address). */
public record Acceptance(String token, UUID userId, String email, String client) {
}
