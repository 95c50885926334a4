package dev.orgplatform.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class CallerTest {

    @Test
    void aSecondFactorIsAOneTimeCodeASecurityKeyOrAHardwareKey() {
        for (String amr : List.of("otp", "webauthn", "hwk", "mfa")) {
            assertEquals(true, caller(List.of("pwd", amr), Set.of()).secondFactor(), amr);
        }
        assertEquals(false, caller(List.of("pwd"), Set.of()).secondFactor());
        assertEquals(false, caller(null, Set.of()).secondFactor());
    }

    @Test
    void anOperatorIsARealmRoleOfAPersonNeverOfAnApiKey() {
        assertEquals(true, caller(List.of("pwd"), Set.of(Caller.OPERATOR_ROLE)).isOperator());
        assertEquals(false, caller(List.of("pwd"), Set.of(Caller.SERVICE_ROLE)).isOperator());
        ApiKeyGrant key = new ApiKeyGrant(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), List.of("read"), null);
        Caller throughAKey = new Caller(QuarkusSecurityIdentity.builder().setPrincipal(() -> key.userId().toString())
                .addRole(Caller.OPERATOR_ROLE).addAttribute(ApiKeyAuthentication.GRANT_ATTRIBUTE, key).build());
        assertEquals(false, throughAKey.isOperator());
    }

    private static Caller caller(List<String> amr, Set<String> roles) {
        Map<String, Object> claims = amr == null ? Map.of() : Map.of("amr", amr);
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
        return new Caller(QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRoles(roles).build());
    }
}
