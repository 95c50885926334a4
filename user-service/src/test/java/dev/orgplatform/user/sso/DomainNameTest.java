package dev.orgplatform.user.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DomainNameTest {

    @Test
    void aDomainHasOneSpelling() {
        assertEquals("acme.com", DomainName.normalize(" ACME.com. "));
        assertEquals("eu.acme-corp.co.uk", DomainName.normalize("eu.Acme-Corp.co.uk"));
    }

    @Test
    void whatIsNoClaimableDomainIsRefused() {
        for (String bad : new String[] {null, "", "localhost", "10.0.0.1", "-acme.com", "acme-.com", "acme..com", "ac me.com",
                "acme.com/path", "a".repeat(64) + ".com", ("abcdefghi." ).repeat(26) + "com"}) {
            assertNull(DomainName.normalize(bad), String.valueOf(bad));
        }
    }

    @Test
    void theDomainOfAnEmail() {
        assertEquals("acme.test", DomainName.ofEmail("Alice@ACME.test"));
        assertNull(DomainName.ofEmail("@acme.test"));
        assertNull(DomainName.ofEmail("alice"));
    }
}
