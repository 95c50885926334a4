package dev.orgplatform.user.apikey.mapping;

import java.util.List;

import dev.orgplatform.user.apikey.ApiKey;
import dev.orgplatform.user.apikey.rest.ApiKeyResponse;
import dev.orgplatform.user.apikey.rest.CreateApiKeyRequest;
import dev.orgplatform.user.apikey.service.NewApiKey;

public final class ApiKeyMapper {

    private ApiKeyMapper() {
    }

    public static ApiKeyResponse toResponse(ApiKey k, String secret) {
        return new ApiKeyResponse(k.id, k.organizationId, k.userId, k.name, k.displayPrefix, List.of(k.scopes), k.createdAt,
                k.expiresAt, k.revokedAt, k.lastUsedAt, k.useCount, secret);
    }

    /** {@code expiresIn} is validated as {@code <days>d} already. */
    public static NewApiKey toCommand(CreateApiKeyRequest request) {
        String expiresIn = request.expiresIn();
        Integer days = expiresIn == null ? null : Integer.valueOf(expiresIn.substring(0, expiresIn.length() - 1));
        return new NewApiKey(request.name(), request.scopes(), days);
    }
}
