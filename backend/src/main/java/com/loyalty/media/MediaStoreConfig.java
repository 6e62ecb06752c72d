package com.loyalty.media;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link MediaStore} that {@code loyalty.media.store} names: local disk (default) or S3. */
@Configuration(proxyBeanMethods = false)
class MediaStoreConfig {

    private static final Logger log = LoggerFactory.getLogger(MediaStoreConfig.class);

    @Bean
    MediaStore mediaStore(MediaProperties properties, Clock clock) {
        if (properties.store() == MediaProperties.StoreKind.S3) {
            log.info("media are kept in the S3 bucket {}", properties.s3());
            return new S3MediaStore(properties.s3(), clock);
        }
        LocalDiskMediaStore local = new LocalDiskMediaStore(properties.local().directory());
        log.info("media are kept in the directory {}", local.directory());
        return local;
    }
}
