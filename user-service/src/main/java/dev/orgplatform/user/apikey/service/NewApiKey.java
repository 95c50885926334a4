package dev.orgplatform.user.apikey.service;

import java.util.List;

/** A key a member asks for: its name, scopes and lifetime in days (null: the default within the cap). */
public record NewApiKey(String name, List<String> scopes, Integer expiresInDays) {
}
