package dev.orgplatform.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

class OperationTableTest {

    @Path("/api/v1/organizations/{organizationId}/teams")
    static class Teams {
        @GET
        public String list() {
            return "";
        }

        @PUT
        @Path("/{teamId}/members/{userId: [0-9a-f-]+}")
        public String add() {
            return "";
        }

        @DELETE
        @Path("{teamId}")
        public void delete() {
        }

        public void helper() {
        }
    }

    @Test
    void aResourceClassDeclaresEachMethodAtItsPath() {
        List<OperationTable.Operation> ops = OperationTable.of(Teams.class);
        assertEquals(3, ops.size(), ops::toString);
        assertTrue(ops.stream().anyMatch(o -> o.method().equals("PUT") && o.path().matcher("/api/v1/organizations/o1/teams/t1/members/u1").matches()));
        assertTrue(ops.stream().anyMatch(o -> o.method().equals("DELETE") && o.path().matcher("/api/v1/organizations/o1/teams/t1").matches()));
        assertTrue(ops.stream().anyMatch(o -> o.method().equals("GET") && o.path().matcher("/api/v1/organizations/o1/teams/").matches()));
        assertFalse(ops.stream().anyMatch(o -> o.path().matcher("/api/v1/organizations/o1/teams/t1/other").matches()));
        assertEquals(List.of(), OperationTable.of(String.class));
    }
}
