package dev.orgplatform.user.membership;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "team_member")
@IdClass(TeamMember.Key.class)
public class TeamMember {

    @Id
    @Column(name = "team_id")
    public UUID teamId;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "team_role", nullable = false)
    public TeamRole teamRole;

    public enum TeamRole {
        TEAM_ADMIN, MEMBER
    }

    public record Key(UUID teamId, UUID userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
