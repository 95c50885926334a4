package dev.orgplatform.org.rest;

import java.util.List;

/** The types a sub-organization may have: {@code defaultType} on every plan with sub-organizations, the others with {@code othersNeed}. */
public record SubOrganizationTypesResponse(String defaultType, List<String> types, String othersNeed) {
}
