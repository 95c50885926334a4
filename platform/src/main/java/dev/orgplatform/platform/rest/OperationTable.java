package dev.orgplatform.platform.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * This service's operations as its resource classes declare them: the methods each path takes. JAX-RS' router picks
 * one resource class by the path's shape before it looks at the method, so a method a path lacks can come back as "no
 * such resource" though another class serves the path: this table tells that apart (a 405 naming the methods).
 */
public final class OperationTable {

    record Operation(Pattern path, String method) {
    }

    private static volatile List<Operation> operations;

    private OperationTable() {
    }

    /** The methods {@code path} takes here; empty when no operation has that path. */
    public static Set<String> methodsAt(String path) {
        Set<String> methods = new TreeSet<>();
        for (Operation op : operations()) {
            if (op.path().matcher(path).matches()) {
                methods.add(op.method());
            }
        }
        return methods;
    }

    private static List<Operation> operations() {
        if (operations == null) {
            List<Operation> found = new ArrayList<>();
            for (Bean<?> bean : CDI.current().getBeanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                found.addAll(of(bean.getBeanClass()));
            }
            operations = List.copyOf(found);
        }
        return operations;
    }

    /** The operations a resource class declares (none for a class without {@code @Path}). */
    static List<Operation> of(Class<?> type) {
        Path root = type.getAnnotation(Path.class);
        if (root == null || type.isInterface()) {
            return List.of();
        }
        List<Operation> found = new ArrayList<>();
        for (Method m : type.getMethods()) {
            String method = httpMethod(m);
            if (method != null) {
                Path sub = m.getAnnotation(Path.class);
                found.add(new Operation(template(root.value() + (sub == null ? "" : "/" + sub.value())), method));
            }
        }
        return found;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** A path template as an expression: each {@code {name}} (or {@code {name: regex}}) one segment. */
    static Pattern template(String path) {
        String normalized = ("/" + path).replaceAll("/+", "/");
        if (normalized.length() > 1 && normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : normalized.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") && part.endsWith("}") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex + "/?");
    }
}
