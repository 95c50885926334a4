package dev.orgplatform.systemtests;

import java.util.Map;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.StackConfig;
import dev.orgplatform.deploy.StackProfile;

/** The four packaged services on the build's test stack, each system test starting them on empty databases. */
final class Suite {

    private Suite() {
    }

    /** Starts the infrastructure if needed and the services afresh; {@code env} overrides their configuration. */
    static LocalStack startFresh(Map<String, String> env) {
        LocalStack stack = LocalStack.of(StackProfile.TEST);
        stack.ensureInfra();
        stack.stopServices(); // none left over from another test class or an interrupted run
        for (String service : StackConfig.SERVICES) {
            stack.createDatabase(StackConfig.defaultDatabase(service), true);
        }
        stack.startServices(env);
        return stack;
    }

    static String url(LocalStack stack, String service) {
        return "http://127.0.0.1:" + stack.config().servicePort(service);
    }
}
