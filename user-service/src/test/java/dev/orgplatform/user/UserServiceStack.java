package dev.orgplatform.user;

import java.util.Map;

import dev.orgplatform.deploy.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** user-service's tests run on the build's real test stack, on a fresh database of their own. */
public class UserServiceStack implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestStack.configFor("user-service", "users_test");
    }

    @Override
    public void stop() {
        // shared by the whole build, stopped at its end
    }
}
