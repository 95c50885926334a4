package dev.orgplatform.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;



class UnknownFieldsRefusedTest {

    record SampleRequest(String name, List<Item> items) {

        record Item(String label) {
        }
    }

    /** What another service or an event carries: read leniently. */
    record Answer(String name) {
    }

    /** As Quarkus configures it: unknown fields ignored by default. */
    private final ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    UnknownFieldsRefusedTest() {
        new UnknownFieldsRefused().customize(mapper);
    }

    @Test
    void aRequestBodyWithAFieldItsTypeLacksIsRefusedNamingIt() {
        UnrecognizedPropertyException e = assertThrows(UnrecognizedPropertyException.class, () -> UnknownFieldsRefused
                .inRequestBody(() -> mapper.readValue("{\"name\":\"a\",\"nmae\":\"b\"}", SampleRequest.class)));
        assertEquals("nmae", e.getPropertyName());
    }

    @Test
    void soIsOneInANestedObject() {
        UnrecognizedPropertyException e = assertThrows(UnrecognizedPropertyException.class, () -> UnknownFieldsRefused
                .inRequestBody(() -> mapper.readValue("{\"items\":[{\"label\":\"x\",\"colour\":\"red\"}]}", SampleRequest.class)));
        assertEquals("colour", e.getPropertyName());
    }

    @Test
    void aKnownBodyIsRead() throws Exception {
        SampleRequest r = UnknownFieldsRefused.inRequestBody(
                () -> mapper.readValue("{\"name\":\"a\",\"items\":[{\"label\":\"x\"}]}", SampleRequest.class));
        assertEquals(List.of(new SampleRequest.Item("x")), r.items());
    }

    @Test
    void anythingElseMayCarryFieldsItDoesNotKnow() throws Exception {
        assertEquals("a", mapper.readValue("{\"name\":\"a\",\"addedLater\":1}", Answer.class).name());
        assertEquals("a", mapper.readValue("{\"name\":\"a\",\"addedLater\":1}", SampleRequest.class).name(),
                "the same type, read as an event or an answer");
    }
}
