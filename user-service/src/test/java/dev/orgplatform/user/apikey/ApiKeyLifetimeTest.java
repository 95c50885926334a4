package dev.orgplatform.user.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.problem.ProblemException;

class ApiKeyLifetimeTest {

    @Test
    void askedForNothingAKeyLives90DaysOrTheCapIfLower() {
        assertEquals(90, ApiKeyLifetime.days(null, null));
        assertEquals(30, ApiKeyLifetime.days(null, 30));
        assertEquals(90, ApiKeyLifetime.days(null, 365));
    }

    @Test
    void whatIsAskedForHoldsUpToTheCap() {
        assertEquals(365, ApiKeyLifetime.days(365, null));
        assertEquals(700, ApiKeyLifetime.days(700, 730), "a policy may allow longer");
        assertEquals("expiresIn", assertThrows(ProblemException.class, () -> ApiKeyLifetime.days(366, null)).errors().get(0).field(),
                "no policy still means a year at most");
        assertEquals(30, ApiKeyLifetime.days(30, 30));
        ProblemException e = assertThrows(ProblemException.class, () -> ApiKeyLifetime.days(31, 30));
        assertEquals(400, e.status());
        assertEquals("expiresIn", e.errors().get(0).field());
    }
}
