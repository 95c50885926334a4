package dev.orgplatform.user;

import java.util.Map;

import dev.orgplatform.deploy.testing.StandInRelay;
import dev.orgplatform.deploy.testing.TestStack;
import dev.orgplatform.deploy.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** user-service's tests run on the build's real test stack, on a fresh database of their own. */
public class UserServiceStack implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = TestStack.configFor("user-service", "users_test");
        // no org-service here: its relay's watermarks, without which every check would fail closed
        StandInRelay.start(TestUsers.stack().kafkaBootstrap(), "organizations", "/org-service");
        return config;
    }

    @Override
    public void stop() {
        // shared by the whole build, stopped at its end
    }
}
