package dev.orgplatform.user.membership.rest;

import java.util.UUID;

public record TeamResponse(UUID id, String name) {
}
