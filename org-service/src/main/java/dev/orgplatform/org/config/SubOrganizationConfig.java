package dev.orgplatform.org.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The types a sub-organization may have ({@code org.sub-organizations.*}); each default is set here and nowhere else. */
@ConfigMapping(prefix = "org.sub-organizations")
public interface SubOrganizationConfig {

    /** Every type on offer, lower case; the first is the default, which every plan with sub-organizations includes. */
    @WithDefault("client,partner,reseller,department,site")
    List<String> types();
}
