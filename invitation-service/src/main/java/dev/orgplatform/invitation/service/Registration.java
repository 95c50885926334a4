package dev.orgplatform.invitation.service;

/** Someone without an account presents {@code token}: open one for the invited email with this name and password. */
public record Registration(String token, String name, String password, String client) {
}
