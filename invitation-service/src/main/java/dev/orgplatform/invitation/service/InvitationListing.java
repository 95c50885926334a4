package dev.orgplatform.invitation.service;

import java.util.UUID;

import dev.orgplatform.invitation.InvitationState;
import dev.orgplatform.platform.rest.Cursor;

/** One page of an organization's invitations: {@code state} null = all, {@code after} null = the first page. */
public record InvitationListing(UUID organizationId, InvitationState state, Cursor.TimeAndId after, int limit) {
}
