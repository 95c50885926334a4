package dev.orgplatform.user.mapping;

import java.util.List;

import dev.orgplatform.user.ApiKey;
import dev.orgplatform.user.rest.ApiKeyResponse;

public final class ApiKeyMapper {

    private ApiKeyMapper() {
    }

    public static ApiKeyResponse toResponse(ApiKey k, String secret) {
        return new ApiKeyResponse(k.id, k.organizationId, k.userId, k.name, k.displayPrefix, List.of(k.scopes), k.createdAt,
                k.expiresAt, k.revokedAt, k.lastUsedAt, secret);
    }
}
