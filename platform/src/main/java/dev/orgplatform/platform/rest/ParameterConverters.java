package dev.orgplatform.platform.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.orgplatform.platform.problem.ProblemException;

/**
 * Path and query parameters typed as UUIDs or numbers: one that does not parse is a 400 naming the parameter (JAX-RS
 * itself answers a bare 404 for a path or query parameter it cannot convert, as if the resource did not exist).
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, "is not a UUID", UUID::fromString);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, "is not a whole number", Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, "is not a whole number", Long::valueOf);
        }
        return null;
    }

    private static <V> ParamConverter<V> converter(String name, String refusal, Function<String, V> parse) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.trim());
                } catch (IllegalArgumentException e) { // NumberFormatException is one too
                    throw ProblemException.badField(name, refusal);
                }
            }

            @Override
            public String toString(V value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /** The parameter's name as the request spells it. */
    private static String name(Annotation[] annotations) {
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            String name = a instanceof PathParam p ? p.value()
                    : a instanceof QueryParam q ? q.value()
                    : a instanceof RestPath p ? p.value()
                    : a instanceof RestQuery q ? q.value() : "";
            if (!name.isEmpty()) {
                return name;
            }
        }
        return "parameter";
    }
}
