package com.loyalty.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps media as files in one directory ({@code loyalty.media.local.directory}, created on start),
 * one file per key. A file is written under a temporary name and moved into place, so a reader never
 * sees half of one. File calls block: they run on the bounded elastic scheduler.
 */
class LocalDiskMediaStore implements MediaStore {

    private final Path directory;

    LocalDiskMediaStore(Path directory) {
        try {
            this.directory = Files.createDirectories(directory).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media directory " + directory.toAbsolutePath()
                    + " (loyalty.media.local.directory)", e);
        }
    }

    Path directory() {
        return directory;
    }

    @Override
    public Mono<Void> put(String key, byte[] bytes, String contentType) {
        return Mono.<Void>fromCallable(() -> {
            Path target = file(key);
            Path partial = Files.createTempFile(directory, ".upload-", ".part");
            try {
                Files.write(partial, bytes);
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
            return null;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<byte[]> get(String key) {
        return Mono.fromCallable(() -> {
            try {
                return Files.readAllBytes(file(key));
            } catch (NoSuchFileException e) {
                return null;
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> delete(String key) {
        return Mono.<Void>fromCallable(() -> {
            Files.deleteIfExists(file(key));
            return null;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** The key's file; keys are checked by MediaKeys before they get here, this refuses any other name anyway. */
    private Path file(String key) {
        if (MediaKeys.formatOf(key).isEmpty()) {
            throw new IllegalArgumentException("not a media key: " + key);
        }
        return directory.resolve(key);
    }
}
