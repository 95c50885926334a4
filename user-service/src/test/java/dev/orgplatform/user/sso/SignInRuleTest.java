package dev.orgplatform.user.sso;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SignInRuleTest {

    private static final Set<String> ACME = Set.of("sso-acme");

    @Test
    void eitherMethodByDefault() {
        List<SignInPolicy> open = List.of(SignInPolicy.PASSWORD_AND_SSO, SignInPolicy.PASSWORD_AND_SSO);
        assertNull(SignInRule.refusal(open, ACME, Set.of(), null));
        assertNull(SignInRule.refusal(open, ACME, Set.of(), "sso-acme"));
        assertNull(SignInRule.refusal(open, ACME, Set.of(), "sso-elsewhere"), "another organization's SSO sign-in is no SSO here");
    }

    @Test
    void ssoOnlyAnywhereUpTheTreeAdmitsOnlyTheTreesConnections() {
        List<SignInPolicy> childOfSsoOnly = List.of(SignInPolicy.PASSWORD_AND_SSO, SignInPolicy.SSO_ONLY);
        assertTrue(SignInRule.refusal(childOfSsoOnly, ACME, Set.of(), null).contains("SSO connection only"));
        assertNotNull(SignInRule.refusal(childOfSsoOnly, ACME, Set.of(), "sso-elsewhere"));
        assertNull(SignInRule.refusal(childOfSsoOnly, ACME, Set.of(), "sso-acme"));
    }

    @Test
    void passwordOnlyRefusesTheOrganizationsOwnConnection() {
        assertNotNull(SignInRule.refusal(List.of(SignInPolicy.PASSWORD), ACME, Set.of(), "sso-acme"));
        assertNull(SignInRule.refusal(List.of(SignInPolicy.PASSWORD), ACME, Set.of(), null));
    }

    @Test
    void aSessionOfADeletedConnectionIsRefusedWhateverThePolicy() {
        assertTrue(SignInRule.refusal(List.of(SignInPolicy.PASSWORD_AND_SSO), Set.of(), Set.of("sso-gone"), "sso-gone").contains("deleted"));
    }

    @Test
    void policiesThatAdmitNothingTogetherSaySo() {
        assertTrue(SignInRule.refusal(List.of(SignInPolicy.PASSWORD, SignInPolicy.SSO_ONLY), ACME, Set.of(), null).contains("no sign-in method"));
    }
}
