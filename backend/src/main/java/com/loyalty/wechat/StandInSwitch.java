package com.loyalty.wechat;

import java.util.List;
import org.springframework.core.env.Environment;

/**
 * The development switches {@code loyalty.wechat.fake} and {@code loyalty.wechat-pay.fake}. The
 * fakes they turn on are not in the production jar: they come with {@code loyalty-backend-dev.jar}
 * on the loader path, which registers a customizer that points the client at the fake. A switch
 * that is on with no such customizer stops the start, rather than run against the real WeChat with
 * settings meant for a fake.
 */
public final class StandInSwitch {

    private StandInSwitch() {
    }

    /** Refuses to go on when {@code property} is true and nothing answers it. */
    public static void requireStandIn(Environment env, String property, String what, List<?> customizers) {
        if (env.getProperty(property, Boolean.class, false) && customizers.isEmpty()) {
            throw new IllegalStateException(property + "=true, but " + what + " is not on the classpath: the "
                    + "production jar has no fakes. For development start with the dev jar on the loader path: "
                    + "java -Dloader.path=backend/target/loyalty-backend-dev.jar -jar backend/target/loyalty-backend.jar "
                    + "--spring.profiles.active=dev (scripts/dev does); in production remove " + property + ".");
        }
    }
}
