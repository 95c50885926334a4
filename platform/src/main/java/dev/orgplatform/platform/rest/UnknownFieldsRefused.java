package dev.orgplatform.platform.rest;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A request body with a field its type does not have is refused (a typo such as {@code "rol"} must not quietly give
 * the default role). Only request bodies, while {@link RequestBodyReading} reads one: events and other services'
 * answers go through the same mapper and are read leniently, so a producer may add a field without breaking a
 * consumer.
 */
@Singleton
public class UnknownFieldsRefused implements ObjectMapperCustomizer {

    private static final ThreadLocal<Boolean> READING_REQUEST_BODY = new ThreadLocal<>();

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                    Object beanOrClass, String propertyName) throws IOException {
                if (Boolean.TRUE.equals(READING_REQUEST_BODY.get())) {
                    throw UnrecognizedPropertyException.from(p, beanOrClass, propertyName,
                            deserializer == null ? null : deserializer.getKnownPropertyNames());
                }
                return false;
            }
        });
    }

    /** Runs {@code read} (the reading of a request body, on this thread) with unknown fields refused. */
    static <T, E extends Exception> T inRequestBody(Reading<T, E> read) throws E {
        READING_REQUEST_BODY.set(Boolean.TRUE);
        try {
            return read.read();
        } finally {
            READING_REQUEST_BODY.remove();
        }
    }

    @FunctionalInterface
    interface Reading<T, E extends Exception> {
        T read() throws E;
    }
}
