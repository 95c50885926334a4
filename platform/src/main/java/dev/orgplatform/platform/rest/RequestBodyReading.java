package dev.orgplatform.platform.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

import dev.orgplatform.platform.problem.ProblemException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Where the server reads a request body: {@link UnknownFieldsRefused} holds there, and only there; and no array in it
 * may hold more than {@link #MAX_ITEMS} items, checked on the raw JSON before anything is bound or validated (a
 * 100,000-item array of bad values made one constraint violation per item and ran a service out of memory). Each
 * request type bounds its arrays further, where they are declared.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class RequestBodyReading implements ReaderInterceptor {

    static final int MAX_ITEMS = 1_000;
    private static final JsonFactory JSON = new JsonFactory();

    private final BodySizeLimit sizeLimit;
    private final CurrentVertxRequest request;

    public RequestBodyReading(BodySizeLimit sizeLimit, CurrentVertxRequest request) {
        this.sizeLimit = sizeLimit;
        this.request = request;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        // a body announced over the limit never gets here; one sent without a length is counted here
        byte[] body = context.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, sizeLimit.limit() + 1));
        if (body.length > sizeLimit.limit()) {
            throw sizeLimit.tooLarge(request.getCurrent());
        }
        requireBoundedArrays(body);
        context.setInputStream(new ByteArrayInputStream(body));
        return UnknownFieldsRefused.inRequestBody(context::proceed);
    }

    /** A 400 naming the first array with more than {@link #MAX_ITEMS} items; malformed JSON is left to the reader. */
    static void requireBoundedArrays(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT || t == JsonToken.FIELD_NAME) {
                    continue;
                }
                // the context an item sits in: a nested array or object has opened a context of its own
                JsonStreamContext holder = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
                if (holder != null && holder.inArray() && holder.getCurrentIndex() >= MAX_ITEMS) {
                    throw ProblemException.badField(name(holder), "has more than " + MAX_ITEMS + " items");
                }
            }
        } catch (IOException e) {
            // malformed: the JSON reader answers it, naming the body
        }
    }

    /** The array's place in the body as the problems name fields: {@code teams}, {@code [0].scopes}, {@code body}. */
    private static String name(JsonStreamContext array) {
        java.util.List<String> steps = new java.util.ArrayList<>();
        for (JsonStreamContext c = array.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
            steps.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName());
        }
        StringBuilder name = new StringBuilder();
        for (String step : steps) {
            name.append(name.isEmpty() || step.startsWith("[") ? "" : ".").append(step);
        }
        return name.isEmpty() ? "body" : name.toString();
    }
}
