package dev.orgplatform.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketException;
import java.util.List;
import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.CompositeException;

/** How each failure becomes an RFC 9457 problem naming the field (pure mapping, no HTTP server). */
class ProblemMappersTest {

    record Team(String name, List<Integer> sizes) {
    }

    enum Colour { RED, GREEN }

    record Paint(Colour colour, boolean glossy) {
    }

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aRefusalKeepsItsStatusTitleAndFields() {
        Response r = mappers.problem(ProblemException.badField("limit", "must be between 1 and 100"), null);
        Problem p = (Problem) r.getEntity();
        assertEquals(400, r.getStatus());
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        assertEquals("https://orgplatform.dev/problems/400", p.type());
        assertEquals(List.of(new FieldError("limit", "must be between 1 and 100")), p.errors());
    }

    @Test
    void extensionsTravelWithTheProblem() {
        ProblemException e = new ProblemException(409, "Conflict", "unmet", null, Map.of("unmet", List.of("members")));
        Problem p = (Problem) mappers.problem(e, null).getEntity();
        assertEquals(Map.of("unmet", List.of("members")), p.jsonExtensions());
    }

    @Test
    void aValueOfTheWrongTypeNamesItsPathInTheBody() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> new ObjectMapper().readValue("{\"name\":\"a\",\"sizes\":[1,\"x\"]}", Team.class));
        Problem p = (Problem) mappers.unreadable(e, null).getEntity();
        assertEquals(400, p.status());
        assertEquals("sizes[1]", p.errors().get(0).field());
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> new ObjectMapper().readValue("{\"colour\":\"BLUE\"}", Paint.class));
        FieldError error = ((Problem) mappers.unreadable(e, null).getEntity()).errors().get(0);
        assertEquals(new FieldError("colour", "must be one of [RED, GREEN]"), error);
    }

    @Test
    void aValueOfAnotherJsonTypeSaysWhichTypeWasExpected() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> new ObjectMapper().readValue("{\"name\":{\"an\":\"object\"}}", Team.class));
        assertEquals(new FieldError("name", "must be a string"), ((Problem) mappers.unreadable(e, null).getEntity()).errors().get(0));
        JsonProcessingException flag = assertThrows(JsonProcessingException.class,
                () -> new ObjectMapper().readValue("{\"glossy\":\"perhaps\"}", Paint.class));
        assertEquals(new FieldError("glossy", "must be true or false"),
                ((Problem) mappers.unreadable(flag, null).getEntity()).errors().get(0));
    }

    @Test
    void anUnknownFieldIsNamedWithTheFieldsThereAre() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue("{\"name\":\"a\",\"rol\":\"ADMIN\"}", Team.class));
        FieldError error = ((Problem) mappers.unreadable(e, null).getEntity()).errors().get(0);
        assertEquals(new FieldError("rol", "is not a field of this request; its fields: name, sizes"), error);
    }

    @Test
    void malformedJsonNamesTheBody() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> new ObjectMapper().readTree("{\"name\":"));
        assertEquals("body", ((Problem) mappers.unreadable(e, null).getEntity()).errors().get(0).field());
    }

    @Test
    void aMissingLoginIsA401WithItsChallenge() {
        Response r = mappers.unauthenticated(new UnauthorizedException(), null);
        assertEquals(401, r.getStatus());
        assertEquals("Bearer", r.getHeaderString("WWW-Authenticate"));
    }

    @Test
    void anExpiredTokenIsToldSo() {
        RuntimeException late = new io.quarkus.security.AuthenticationFailedException(new IllegalStateException(
                "The JWT is no longer valid - the evaluation time NumericDate{1765111111} is on or after the Expiration Time"));
        Response r = mappers.unauthenticated(late, null);
        assertEquals(401, r.getStatus());
        assertTrue(((Problem) r.getEntity()).detail().contains("expired"), ((Problem) r.getEntity()).detail());
        assertTrue(r.getHeaderString("WWW-Authenticate").contains("invalid_token"));
    }

    @Test
    void anUnexpectedFailureTellsNothingInternal() {
        Response r = mappers.unexpected(new IllegalStateException("secret table xyz"), null);
        Problem p = (Problem) r.getEntity();
        assertEquals(500, r.getStatus());
        assertFalse(p.detail().contains("xyz"));
    }

    @Test
    void aDatabaseGoneMidRequestIsA503NamingPostgresql() {
        // what Hibernate Reactive reports when PostgreSQL restarts under a transaction
        Throwable e = new CompositeException(new SocketException("Connection reset"),
                new IllegalStateException("HR000090: Live transaction detected while closing the connection"));
        Response r = mappers.unexpected(e, null);
        Problem p = (Problem) r.getEntity();
        assertEquals(503, r.getStatus());
        assertEquals("2", String.valueOf(r.getHeaderString("Retry-After")));
        assertEquals(Map.of("unavailable", "postgresql"), p.jsonExtensions());
    }

    @Test
    void aLostRaceIsA409ConflictThatBlamesNoDependency() {
        Response r = mappers.unexpected(new RuntimeException(new OptimisticLockException("row was updated")), null);
        Problem p = (Problem) r.getEntity();
        assertEquals(409, r.getStatus());
        assertEquals(null, r.getHeaderString("Retry-After"));
        assertEquals("Concurrent change", p.title());
        assertEquals(Map.of(), p.jsonExtensions());
    }

    @Test
    void aMethodThePathLacksIsA405NamingTheMethodsItHas() {
        Response refused = Response.status(405).allow("POST", "GET").build();
        Response r = mappers.web(new jakarta.ws.rs.NotAllowedException(refused), null);
        Problem p = (Problem) r.getEntity();
        assertEquals(405, r.getStatus());
        assertEquals("this path allows GET, POST", p.detail());
        assertEquals("GET, POST", r.getHeaderString("Allow"));
    }

    @Test
    void aCreationThatLostTheRaceToTheSameUniqueThingIsA409() {
        Throwable e = new RuntimeException("could not execute statement", new io.vertx.pgclient.PgException(
                "duplicate key value violates unique constraint \"team_organization_id_name_key\"", "ERROR", "23505", null));
        Response r = mappers.unexpected(e, null);
        Problem p = (Problem) r.getEntity();
        assertEquals(409, r.getStatus());
        assertEquals("Already exists", p.title());
        assertFalse(p.detail().contains("team_organization"), "no table or constraint leaks: " + p.detail());
        // as Hibernate Reactive passes it on: a converted exception over an SQLException, the PgException gone
        Throwable converted = new org.hibernate.exception.ConstraintViolationException("error executing SQL statement",
                new java.sql.SQLException("duplicate key value violates unique constraint", "23505"), "insert into team", "team_key");
        assertEquals(409, mappers.unexpected(new java.util.concurrent.CompletionException(converted), null).getStatus());
    }

    @Test
    void aViolatedCheckIsStillABug() {
        Throwable e = new RuntimeException(new io.vertx.pgclient.PgException("new row violates check constraint", "ERROR", "23514", null));
        assertEquals(500, mappers.unexpected(e, null).getStatus());
    }

    @Test
    void anUnavailableDependencyIsNamed() {
        Problem p = (Problem) mappers.problem(ProblemException.unavailable("billing-service"), null).getEntity();
        assertEquals(503, p.status());
        assertEquals(Map.of("unavailable", "billing-service"), p.jsonExtensions());
    }

    @Test
    void aPathAnotherServiceServesIsAnsweredWithWhereItIsServed() {
        String wrong = ProblemMappers.noOperation("org-service", "GET", "/api/v1/users/me",
                service -> java.util.Optional.of("http://localhost:8082").filter(a -> service.equals("user-service")));
        assertEquals("org-service does not serve /api/v1/users/me: user-service does (at http://localhost:8082); send it there", wrong);
        String none = ProblemMappers.noOperation("user-service", "POST", "/api/v1/users/me/nothing", service -> java.util.Optional.empty());
        assertEquals("user-service has no operation POST /api/v1/users/me/nothing; its operations are listed at /q/openapi", none);
    }
}
