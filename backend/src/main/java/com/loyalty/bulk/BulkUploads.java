package com.loyalty.bulk;

import com.loyalty.audit.StaffAuditLog;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.security.Viewer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps uploaded files in loyalty.bulk.directory as they stream in (checksum and size counted on
 * the way, refused past the limit), records them ({@code bulk_file}) and audits the upload.
 */
@Service
class BulkUploads {

    private static final int FILENAME_MAX = 200;

    private final BulkRepository bulk;
    private final BulkProperties properties;
    private final StaffAuditLog audit;
    private final Clock clock;

    BulkUploads(BulkRepository bulk, BulkProperties properties, StaffAuditLog audit, Clock clock) {
        this.bulk = bulk;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<BulkFile> store(Viewer admin, BulkKind kind, String filename, Flux<DataBuffer> content, long maxBytes) {
        return Mono.defer(() -> {
            Path target = properties.directory().resolve(admin.brandId() + "-" + UUID.randomUUID() + ".upload");
            Written written = new Written(target);
            return content.publishOn(Schedulers.boundedElastic())
                    .doOnNext(buffer -> {
                        try {
                            written.add(buffer, maxBytes);
                        } finally {
                            DataBufferUtils.release(buffer);
                        }
                    })
                    .then(Mono.fromCallable(written::close).subscribeOn(Schedulers.boundedElastic()))
                    .doOnError(e -> written.discard())
                    .flatMap(done -> {
                        if (done.size == 0) {
                            written.discard();
                            return Mono.error(new BusinessException(ErrorCode.INVALID_INPUT, "文件是空的"));
                        }
                        return bulk.insertFile(admin.brandId(), kind, clean(filename), FileFormat.of(done.finalHead), done.size,
                                done.sha256, target, admin.id(), clock.instant());
                    })
                    .flatMap(file -> audit.record(admin, null, "BULK_UPLOAD", null, file.kind() + " " + file.filename()
                            + " " + file.sizeBytes() + " bytes sha256 " + file.sha256() + " (#" + file.id() + ")")
                            .thenReturn(file));
        });
    }

    /** The name as shown: no path, no control characters, at most 200 characters. */
    static String clean(String filename) {
        String name = filename == null ? "" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty()) {
            name = "upload";
        }
        return name.length() > FILENAME_MAX ? name.substring(0, FILENAME_MAX) : name;
    }

    /** The file being written: its channel, digest, size and first bytes. */
    private static final class Written {
        private final Path path;
        private FileChannel channel;
        private final MessageDigest digest;
        private long size;
        private final byte[] head = new byte[8];
        private int headLength;
        private long finalSize;
        private byte[] finalHead;
        private String sha256;

        Written(Path path) {
            this.path = path;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(DataBuffer buffer, long maxBytes) {
            try {
                if (channel == null) {
                    Files.createDirectories(path.getParent());
                    channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                }
                size += buffer.readableByteCount();
                if (size > maxBytes) {
                    throw new BusinessException(ErrorCode.UPLOAD_TOO_LARGE, "文件太大，请不超过 " + maxBytes / (1024 * 1024)
                            + "MB，或拆成几个文件");
                }
                try (DataBuffer.ByteBufferIterator it = buffer.readableByteBuffers()) {
                    while (it.hasNext()) {
                        ByteBuffer bytes = it.next();
                        ByteBuffer forDigest = bytes.duplicate();
                        while (headLength < head.length && forDigest.hasRemaining()) {
                            head[headLength++] = forDigest.get();
                        }
                        digest.update(bytes.duplicate());
                        while (bytes.hasRemaining()) {
                            channel.write(bytes);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Written close() throws IOException {
            if (channel != null) {
                channel.force(false);
                channel.close();
            }
            finalSize = size;
            finalHead = java.util.Arrays.copyOf(head, headLength);
            sha256 = HexFormat.of().formatHex(digest.digest());
            return this;
        }

        void discard() {
            try {
                if (channel != null && channel.isOpen()) {
                    channel.close();
                }
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // nothing more to do: a stray upload file is only disk space
            }
        }
    }
}
