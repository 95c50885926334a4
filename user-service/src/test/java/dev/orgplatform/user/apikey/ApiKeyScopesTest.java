package dev.orgplatform.user.apikey;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.problem.ProblemException;

class ApiKeyScopesTest {

    @Test
    void aScopeIsReadWriteOrAPermissionThatExists() {
        assertDoesNotThrow(() -> ApiKeyScopes.requireKnown(List.of("read", "write", "organization:update", "deployment:write")));
        ProblemException typo = assertThrows(ProblemException.class,
                () -> ApiKeyScopes.requireKnown(List.of("read", "organisation:update")));
        assertEquals("scopes[1]", typo.errors().get(0).field());
        assertTrue(typo.getMessage().contains("organization:update"), "lists what exists: " + typo.getMessage());
    }
}
