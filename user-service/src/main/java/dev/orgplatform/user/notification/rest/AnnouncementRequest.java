package dev.orgplatform.user.notification.rest;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.notification.NotificationCategory;

/**
 * What a service tells an organization's members: {@code DEPLOYMENTS} news, to the roles named (none: everyone);
 * {@code key} makes a retry tell nobody twice.
 */
public record AnnouncementRequest(@NotNull NotificationCategory category, @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 2000) String body, @Size(max = 6) Set<Role> roles, @Size(max = 100) String key) {
}
