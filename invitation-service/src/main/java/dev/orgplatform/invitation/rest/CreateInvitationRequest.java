package dev.orgplatform.invitation.rest;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

public record CreateInvitationRequest(
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 20) @InvitableRole String role,
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> teams,
        @Size(max = 2000) String note) {
}
