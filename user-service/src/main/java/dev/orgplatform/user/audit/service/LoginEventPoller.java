package dev.orgplatform.user.audit.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.user.audit.AuditEntry;
import dev.orgplatform.user.client.KeycloakAdminApi;
import dev.orgplatform.user.client.KeycloakEventsApi;
import dev.orgplatform.user.config.AuditConfig;
import dev.orgplatform.user.sso.service.SsoAdmissions;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Copies Keycloak's login successes and failures into the audit log, and hands SSO logins to the just-in-time admission. Polls the newest events; anything
 * already recorded is skipped by event id, so overlapping polls and restarts record each login once. Scheduled
 * every {@link AuditConfig#loginPollInterval()} (programmatically: an annotation cannot read a typed default).
 */
@ApplicationScoped
public class LoginEventPoller {

    private static final Logger LOG = Logger.getLogger(LoginEventPoller.class);
    private static final List<String> TYPES = List.of("LOGIN", "LOGIN_ERROR");
    private static final int PAGE = 200;

    private final KeycloakEventsApi keycloak;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final AuditConfig config;
    private final KeycloakAdminApi keycloakUsers;
    private final SsoAdmissions admissions;
    private volatile long newestSeen;

    public LoginEventPoller(@RestClient KeycloakEventsApi keycloak, AuditLog audit, ObjectMapper json, AuditConfig config,
            @RestClient KeycloakAdminApi keycloakUsers, SsoAdmissions admissions) {
        this.keycloakUsers = keycloakUsers;
        this.admissions = admissions;
        this.keycloak = keycloak;
        this.audit = audit;
        this.json = json;
        this.config = config;
    }

    void schedule(@Observes StartupEvent start, Scheduler scheduler) {
        scheduler.newJob(LoginEventPoller.class.getName()).setInterval(config.loginPollInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                .setAsyncTask(execution -> poll()).schedule();
    }

    Uni<Void> poll() {
        String since = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        long floor = newestSeen;
        return keycloak.events(TYPES, since, 0, PAGE)
                .chain(events -> Multi.createFrom().iterable(events).filter(e -> e.time() >= floor)
                        .onItem().transformToUniAndConcatenate(e -> audit.record(entry(e)).call(() -> ssoSignIn(e))
                                .invoke(() -> newestSeen = Math.max(newestSeen, e.time())))
                        .collect().last())
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.debugf("login events not read this time: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** A login through an identity provider may make its person a member (once per sign-in, whichever replica sees it first). */
    private Uni<Void> ssoSignIn(KeycloakEventsApi.LoginEvent e) {
        Object provider = e.details() == null ? null : e.details().get("identity_provider");
        if (!"LOGIN".equals(e.type()) || provider == null || e.userId() == null) {
            return Uni.createFrom().voidItem();
        }
        UUID userId = UUID.fromString(e.userId());
        return keycloakUsers.user(userId.toString()).chain(u -> admissions.admit(userId, u.email(), fullName(u), provider.toString(),
                e.sessionId()))
                .replaceWithVoid()
                .onFailure().invoke(ex -> LOG.infof("SSO sign-in of %s not admitted: %s", e.userId(), ex.getMessage()))
                .onFailure().recoverWithNull();
    }

    private static String fullName(KeycloakAdminApi.KeycloakUser u) {
        String name = ((u.firstName() == null ? "" : u.firstName()) + " " + (u.lastName() == null ? "" : u.lastName())).trim();
        return name.isEmpty() ? null : name;
    }

    private AuditEntry entry(KeycloakEventsApi.LoginEvent e) {
        AuditEntry a = new AuditEntry();
        a.eventId = e.id() != null ? "keycloak:" + e.id() : "keycloak:" + e.time() + ":" + e.type() + ":" + e.userId() + ":" + e.sessionId();
        a.occurredAt = Instant.ofEpochMilli(e.time());
        a.action = e.type();
        a.actorId = e.userId();
        a.target = e.userId() == null ? null : "users/" + e.userId();
        a.source = "keycloak";
        a.sourceAddress = e.ipAddress();
        try {
            a.data = json.writeValueAsString(Map.of("clientId", String.valueOf(e.clientId()), "error", String.valueOf(e.error()),
                    "details", e.details() == null ? Map.of() : e.details()));
        } catch (JsonProcessingException ex) {
            a.data = "{}";
        }
        return a;
    }
}
