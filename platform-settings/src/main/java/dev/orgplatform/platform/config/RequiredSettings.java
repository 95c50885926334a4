package dev.orgplatform.platform.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Expressions;
import io.smallrye.config.Priorities;

/**
 * Settings without a production default (secrets, the mail server), named in {@value #NAMES}: reading one that no
 * source sets fails with a message naming it and its environment variable, so a service started without it stops
 * at once (before it connects to anything) instead of failing later at the database, Keycloak or the first mail.
 * Quarkus reads optional settings such as the database password as "absent" rather than failing: this makes them
 * required. The dev and test profiles give the local stack's values.
 */
@Priority(Priorities.APPLICATION + 100)
public class RequiredSettings implements ConfigSourceInterceptor {

    public static final String NAMES = "platform.required-settings";

    private volatile Set<String> required;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!Expressions.isEnabled()) {
            return value; // a raw read: Quarkus recording values while it builds or boots a test, not a use
        }
        if (!given(value) && !NAMES.equals(name) && required(context).contains(name)) {
            throw new IllegalStateException(name + " is required and has no default outside the dev and test profiles: set "
                    + environmentName(name) + " (or -D" + name + ")");
        }
        return value;
    }

    /** Set by a deployment or a profile; an extension's built-in default (mailer host "localhost") is not given. */
    private static boolean given(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() > Integer.MIN_VALUE;
    }

    private Set<String> required(ConfigSourceInterceptorContext context) {
        Set<String> names = required;
        if (names == null) {
            ConfigValue list = context.proceed(NAMES);
            names = list == null || list.getValue() == null ? Set.of()
                    : Arrays.stream(list.getValue().split(",")).map(String::trim).filter(n -> !n.isEmpty()).collect(Collectors.toSet());
            required = names;
        }
        return names;
    }

    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
