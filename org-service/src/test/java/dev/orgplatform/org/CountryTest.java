package dev.orgplatform.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.orgplatform.org.service.Country;
import dev.orgplatform.platform.problem.ProblemException;

class CountryTest {

    @Test
    void aCodeIsKeptInUpperCaseAndNoneIsNone() {
        assertEquals("DE", Country.canonical("de"));
        assertEquals("US", Country.canonical(" US "));
        assertNull(Country.canonical(null));
        assertNull(Country.canonical(""));
    }

    @Test
    void whatIsNoCountryIsRefusedNamingTheField() {
        for (String wrong : new String[] { "XX", "DEU", "Germany", "1" }) {
            ProblemException e = assertThrows(ProblemException.class, () -> Country.canonical(wrong), wrong);
            assertEquals("country", e.errors().get(0).field());
        }
    }
}
