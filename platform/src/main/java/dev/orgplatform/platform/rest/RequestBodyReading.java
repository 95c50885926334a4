package dev.orgplatform.platform.rest;

import java.io.IOException;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/** Where the server reads a request body: {@link UnknownFieldsRefused} holds there, and only there. */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class RequestBodyReading implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        return UnknownFieldsRefused.inRequestBody(context::proceed);
    }
}
