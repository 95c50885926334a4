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

    @Test
    void jsonIsAcceptableUnlessEveryRangeTheClientNamesExcludesIt() {
        assertEquals(true, RequestFormatFilter.acceptsJson(null));
        assertEquals(true, RequestFormatFilter.acceptsJson("*/*"));
        assertEquals(true, RequestFormatFilter.acceptsJson("application/json"));
        assertEquals(true, RequestFormatFilter.acceptsJson("text/html, application/*;q=0.5"));
        assertEquals(true, RequestFormatFilter.acceptsJson("application/xml, Application/JSON; charset=utf-8"));
        assertEquals(false, RequestFormatFilter.acceptsJson("application/xml"));
        assertEquals(false, RequestFormatFilter.acceptsJson("text/plain, text/html"));
        assertEquals(false, RequestFormatFilter.acceptsJson("application/json;q=0, text/plain"));
        assertEquals(false, RequestFormatFilter.acceptsJson("application/problem+json"));
    }

    @Test
    void anImageResourceAlsoAcceptsImageRanges() {
        java.util.Set<String> logo = java.util.Set.of("application/json", "image/png", "image/svg+xml");
        assertEquals(true, RequestFormatFilter.accepts("image/png", logo));
        assertEquals(true, RequestFormatFilter.accepts("image/avif,image/webp,image/*;q=0.8", logo));
        assertEquals(false, RequestFormatFilter.accepts("image/gif", logo));
        assertEquals(false, RequestFormatFilter.accepts("image/*;q=0, text/html", logo));
    }
}
