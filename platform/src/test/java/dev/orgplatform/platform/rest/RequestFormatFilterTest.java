package dev.orgplatform.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestFormatFilterTest {

    @Test
    void jsonIsApplicationJsonOrAJsonSuffix() {
        assertEquals(true, RequestFormatFilter.isJson("application/json"));
        assertEquals(true, RequestFormatFilter.isJson("Application/JSON; charset=utf-8"));
        assertEquals(true, RequestFormatFilter.isJson("application/merge-patch+json"));
        assertEquals(false, RequestFormatFilter.isJson("text/plain"));
        assertEquals(false, RequestFormatFilter.isJson("application/x-www-form-urlencoded"));
        assertEquals(false, RequestFormatFilter.isJson(null));
    }
}
