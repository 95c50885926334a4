package dev.orgplatform.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import dev.orgplatform.deploy.testing.TestUsers;
import dev.orgplatform.platform.security.Secrets;

/**
 * Writes straight into user-service's database, each statement in a transaction of its own: what another replica
 * (or an operator) commits, bypassing this instance's services entirely.
 */
final class Database {

    private final DataSource dataSource;

    Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A live key of {@code owner} in {@code org}, as ApiKeyService would store it; returns its id. */
    UUID insertKey(TestUsers.User owner, UUID org, String secret, String scope, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        execute("insert into api_key (id, organization_id, user_id, name, display_prefix, secret_hash, scopes, reservation_id, "
                + "created_at, expires_at, version) values (?, ?, ?, 'test', ?, ?, array[?], ?, now(), ?, 0)", id, org,
                UUID.fromString(owner.id()), secret.substring(0, 10), Secrets.hash(secret), scope, UUID.randomUUID(),
                Timestamp.from(expiresAt));
        return id;
    }

    void insertMembership(UUID org, String userId, String role) {
        execute("insert into membership (id, organization_id, user_id, role, created_at, version) values (?, ?, ?, ?, now(), 0)",
                UUID.randomUUID(), org, UUID.fromString(userId), role);
    }

    int execute(String sql, Object... params) {
        try (Connection c = autocommitting(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Connection autocommitting() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(true);
        return c;
    }

    /** The reservation (API-key seat) a key row names. */
    UUID reservationOf(UUID keyId) {
        try (Connection c = autocommitting(); PreparedStatement s = c.prepareStatement("select reservation_id from api_key where id = ?")) {
            s.setObject(1, keyId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long queryLong(String sql, Object... params) {
        try (Connection c = autocommitting(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
