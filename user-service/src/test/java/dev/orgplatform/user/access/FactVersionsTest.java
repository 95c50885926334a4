package dev.orgplatform.user.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FactVersionsTest {

    private final FactVersions versions = new FactVersions();

    @Test
    void aNewerChangeAppliesAnOlderOrTheSameOneDoesNot() {
        assertTrue(versions.advance("m/o/u", 10, false), "the first change of a fact");
        assertTrue(versions.advance("m/o/u", 12, false));
        assertFalse(versions.advance("m/o/u", 12, false), "the same change read again");
        assertFalse(versions.advance("m/o/u", 11, false), "an older change read late");
        assertTrue(versions.advance("m/o/v", 11, false), "versions are per fact");
    }

    @Test
    void aTombstoneWinsOverAnOlderInsertAndANewerInsertWinsOverIt() {
        assertTrue(versions.advance("p/o/u/x/read", 20, true));
        assertFalse(versions.advance("p/o/u/x/read", 19, false), "the deleted fact does not come back");
        assertTrue(versions.advance("p/o/u/x/read", 21, false), "granted again after the deletion");
    }

    @Test
    void versionsBelowTheOldestChangeLeftAreForgotten() {
        versions.advance("a", 5, true);
        versions.advance("b", 6, false);
        versions.advance("c", 9, true);
        versions.advance("d", 10, false);
        versions.forgetBelow(8);
        assertEquals(2, versions.size());
        assertTrue(versions.advance("a", 1, false), "forgotten: nothing that old is left to be read");
        assertTrue(versions.advance("b", 7, false), "a live fact's old version is forgotten too");
        assertFalse(versions.advance("c", 8, false), "a recent tombstone stays");
        assertFalse(versions.advance("d", 10, false), "a recent live version stays");
    }
}
