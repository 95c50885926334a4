package dev.orgplatform.user.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.TeamMember;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TeamMemberRepository implements PanacheRepositoryBase<TeamMember, TeamMember.Key> {
}
