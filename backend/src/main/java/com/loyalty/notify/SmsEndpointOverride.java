package com.loyalty.notify;

/**
 * Points the SMS provider's client somewhere else than {@code loyalty.notify.aliyun.endpoint}. The
 * production jar has none; the dev jar's fake provider ({@code loyalty.notify.aliyun.fake=true})
 * declares one with its own address.
 */
@FunctionalInterface
public interface SmsEndpointOverride {

    /** The address the client calls instead, e.g. {@code http://127.0.0.1:41234}. */
    String endpoint();
}
