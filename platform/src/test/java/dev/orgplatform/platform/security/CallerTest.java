package dev.orgplatform.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.net.ClientAddress;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class CallerTest {

    /** Outside an HTTP request: no client address. */
    private static final ClientAddress NO_REQUEST = new ClientAddress(null, Optional.empty());

    @Test
    void aSecondFactorIsAOneTimeCodeASecurityKeyOrAHardwareKey() {
        for (String amr : List.of("otp", "webauthn", "hwk", "mfa")) {
            assertEquals(true, caller(List.of("pwd", amr), Set.of()).secondFactor(), amr);
        }
        assertEquals(false, caller(List.of("pwd"), Set.of()).secondFactor());
        assertEquals(false, caller(null, Set.of()).secondFactor());
    }

    @Test
    void theLoginsTimeComesFromAuthTimeAndAKeyHasNone() {
        assertEquals(1_796_595_805L, withClaims(Map.of("auth_time", 1_796_595_805L), Set.of()).authTime());
        assertEquals(null, withClaims(Map.of(), Set.of()).authTime());
        ApiKeyGrant key = new ApiKeyGrant(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), List.of("read"), null);
        Caller throughAKey = new Caller(QuarkusSecurityIdentity.builder().setPrincipal(() -> key.userId().toString())
                .addAttribute(ApiKeyAuthentication.GRANT_ATTRIBUTE, key).build(), NO_REQUEST);
        assertEquals(null, throughAKey.authTime());
    }

    @Test
    void anOperatorIsARealmRoleOfAPersonNeverOfAnApiKey() {
        assertEquals(true, caller(List.of("pwd"), Set.of(Caller.OPERATOR_ROLE)).isOperator());
        assertEquals(false, caller(List.of("pwd"), Set.of(Caller.SERVICE_ROLE)).isOperator());
        ApiKeyGrant key = new ApiKeyGrant(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), List.of("read"), null);
        Caller throughAKey = new Caller(QuarkusSecurityIdentity.builder().setPrincipal(() -> key.userId().toString())
                .addRole(Caller.OPERATOR_ROLE).addAttribute(ApiKeyAuthentication.GRANT_ATTRIBUTE, key).build(), NO_REQUEST);
        assertEquals(false, throughAKey.isOperator());
    }

    private static Caller caller(List<String> amr, Set<String> roles) {
        return withClaims(amr == null ? Map.of() : Map.of("amr", amr), roles);
    }

    private static Caller withClaims(Map<String, Object> claims, Set<String> roles) {
        String subject = UUID.randomUUID().toString();
        JsonWebToken jwt = new JsonWebToken() {
            @Override
            public String getName() {
                return subject;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
        return new Caller(QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRoles(roles).build(), NO_REQUEST);
    }
}
