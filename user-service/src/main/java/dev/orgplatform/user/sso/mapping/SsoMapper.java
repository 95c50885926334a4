package dev.orgplatform.user.sso.mapping;

import java.util.List;
import java.util.UUID;

import dev.orgplatform.user.sso.DomainVerification;
import dev.orgplatform.user.sso.OrganizationDomain;
import dev.orgplatform.user.sso.SignInPolicy;
import dev.orgplatform.user.sso.SsoConnection;
import dev.orgplatform.user.sso.rest.DomainResponse;
import dev.orgplatform.user.sso.rest.SignInPolicyResponse;
import dev.orgplatform.user.sso.rest.SsoAdmissionResponse;
import dev.orgplatform.user.sso.rest.SsoConnectionRequest;
import dev.orgplatform.user.sso.rest.SsoConnectionResponse;
import dev.orgplatform.user.sso.service.SignInFacts;
import dev.orgplatform.user.sso.service.SsoAdmissions;
import dev.orgplatform.user.sso.service.SsoConnectionService;
import dev.orgplatform.user.sso.service.SsoConnectionSettings;

public final class SsoMapper {

    private SsoMapper() {
    }

    public static SsoConnectionSettings toSettings(SsoConnectionRequest r) {
        return new SsoConnectionSettings(r.protocol(), r.displayName(), r.domain(), r.issuer(), r.clientId(), r.clientSecret(),
                r.metadataUrl(), r.metadataXml(), r.emailAttribute(), r.firstNameAttribute(), r.lastNameAttribute(), r.defaultRole(),
                r.defaultTeam());
    }

    public static List<SsoConnectionResponse> toResponses(SsoConnectionService.Connections all) {
        return all.connections().stream().map(c -> toResponse(c, all)).toList();
    }

    public static SsoConnectionResponse toResponse(SsoConnection c, SsoConnectionService.Connections context) {
        boolean inStep = context.keycloak().inStep();
        return new SsoConnectionResponse(c.id, c.organizationId, c.alias, c.protocol.name(), c.displayName, c.domain,
                context.verifiedDomains().contains(c.domain), c.issuer, c.clientId, c.metadataUrl, c.metadataXml != null,
                c.emailAttribute, c.firstNameAttribute, c.lastNameAttribute, c.defaultRole.name(), c.defaultTeam, c.version,
                inStep ? "IN_STEP" : "PENDING", inStep ? null : context.keycloak().lastError(), c.createdAt);
    }

    public static DomainResponse toResponse(OrganizationDomain d) {
        return new DomainResponse(d.id, d.organizationId, d.domain, d.verified() ? "VERIFIED" : d.checkFailure != null ? "FAILED" : "PENDING",
                DomainVerification.recordName(d.domain), DomainVerification.recordValue(d.verificationToken), d.verifiedAt, d.checkedAt,
                d.checkFailure);
    }

    public static SignInPolicyResponse toResponse(UUID organizationId, SignInFacts.Path path) {
        return new SignInPolicyResponse(organizationId, path.own().name(), path.policies().stream().allMatch(SignInPolicy::admitsPassword),
                path.policies().stream().allMatch(SignInPolicy::admitsSso), List.copyOf(path.liveConnections()));
    }

    public static SsoAdmissionResponse toResponse(SsoAdmissions.Admitted a) {
        return new SsoAdmissionResponse(a.organizationId(), a.connectionId(), a.role(), a.joinedNow());
    }
}
