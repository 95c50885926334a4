package dev.orgplatform.platform.rest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.problem.FieldError;
import dev.orgplatform.platform.problem.ProblemException;

class RequestBodyReadingTest {

    private static String items(int n) {
        return "[" + String.join(",", Collections.nCopies(n, "\"x\"")) + "]";
    }

    private static FieldError refusal(String json) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> RequestBodyReading.requireBoundedArrays(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, e.status());
        return e.errors().get(0);
    }

    @Test
    void anArrayOverTheBoundIsNamedBeforeAnythingIsBound() {
        assertEquals(new FieldError("scopes", "has more than 1000 items"), refusal("{\"name\":\"k\",\"scopes\":" + items(1_001) + "}"));
        assertEquals("body", refusal(items(100_000)).field());
        assertEquals("[1].teams", refusal("[{\"teams\":[]},{\"teams\":" + items(1_500) + "}]").field());
        assertEquals("security.ipAllowlist", refusal("{\"security\":{\"enforce2fa\":true,\"ipAllowlist\":" + items(2_000) + "}}").field());
    }

    @Test
    void arraysWithinTheBoundAndMalformedJsonPass() {
        assertDoesNotThrow(() -> RequestBodyReading.requireBoundedArrays(("{\"a\":" + items(1_000) + ",\"b\":[[1],[2]]}").getBytes()));
        assertDoesNotThrow(() -> RequestBodyReading.requireBoundedArrays("{\"a\":[1,2".getBytes()));
    }
}
