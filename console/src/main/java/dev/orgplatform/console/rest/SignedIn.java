package dev.orgplatform.console.rest;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.IdToken;

/** The person signed in, as their ID token names them: for the header of every page. */
@RequestScoped
public class SignedIn {

    // the qualifier applies to fields only
    @Inject
    @IdToken
    JsonWebToken idToken;

    public Map<String, String> person() {
        String email = idToken.getClaim("email");
        String name = idToken.getClaim("name");
        return Map.of("id", idToken.getSubject(), "email", email == null ? "" : email,
                "name", name == null || name.isBlank() ? (email == null ? "" : email) : name);
    }
}
