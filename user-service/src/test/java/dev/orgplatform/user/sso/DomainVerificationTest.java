package dev.orgplatform.user.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DomainVerificationTest {

    @Test
    void theRecordNamesTheDomainAndCarriesTheClaimsToken() {
        String token = DomainVerification.newToken();
        assertEquals(32, token.length());
        assertNotEquals(token, DomainVerification.newToken());
        assertEquals("_orgplatform-verification.acme.com", DomainVerification.recordName("acme.com"));
        assertTrue(DomainVerification.proves(List.of("v=spf1 -all", " \"orgplatform-verification=" + token + "\" "), token));
    }

    @Test
    void anotherClaimsTokenOrNoRecordProvesNothing() {
        String token = DomainVerification.newToken();
        assertFalse(DomainVerification.proves(List.of(), token));
        assertFalse(DomainVerification.proves(List.of(DomainVerification.recordValue(DomainVerification.newToken())), token));
        assertFalse(DomainVerification.proves(List.of(token), token));
    }
}
