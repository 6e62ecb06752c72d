package com.loyalty.webhook;

import java.time.Duration;
import org.springframework.context.ApplicationContext;

/** For tests outside this package (the docs' examples): runs the delivery worker once, as its poller would. */
public final class WebhookDeliveries {

    private WebhookDeliveries() {
    }

    public static void deliverDue(ApplicationContext context) {
        context.getBean(WebhookWorker.class).deliverDue().block(Duration.ofSeconds(30));
    }
}
