package com.loyalty.media;

import reactor.core.publisher.Mono;

/**
 * Where media objects are kept, by key: a directory ({@link LocalDiskMediaStore}, the default) or an
 * S3-compatible bucket ({@link S3MediaStore}), chosen by {@code loyalty.media.store}. Keys are made
 * by {@link MediaKeys}; what is put here was re-encoded by {@link UploadedImages} first.
 */
interface MediaStore {

    Mono<Void> put(String key, byte[] bytes, String contentType);

    /** The object's bytes; empty when there is none under the key. */
    Mono<byte[]> get(String key);

    /** Removes the object; completes when there was none. */
    Mono<Void> delete(String key);
}
