package dev.orgplatform.org;

import java.util.Map;

import dev.orgplatform.deploy.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** org-service's tests run on the build's real test stack, on a fresh database of their own. */
public class OrgServiceStack implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestStack.configFor("org-service", "org_test");
    }

    @Override
    public void stop() {
        // shared by the whole build, stopped at its end
    }
}
