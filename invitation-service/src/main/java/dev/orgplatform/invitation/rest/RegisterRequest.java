package dev.orgplatform.invitation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new account for the invited email: the email is the invitation's, the name and password the invitee's. */
public record RegisterRequest(
        @NotBlank @Size(max = 200) String token,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(min = 8, max = 128) String password) {
}
