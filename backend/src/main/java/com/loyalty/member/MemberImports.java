package com.loyalty.member;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Members brought in from a brand's previous system, many at a time (the bulk import). An
 * imported member has the phone but no WeChat identity yet: registration channel IMPORT and a
 * placeholder openid until they sign in with WeChat and bind that phone ({@link MemberService#bindPhone}
 * then moves their WeChat identity onto the imported member). No MemberEvents: an imported member
 * is not new to the brand (no welcome, no invitation reward).
 */
@Service
public class MemberImports {

    private static final String INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int INVITE_LENGTH = 8;
    private static final int ATTEMPTS = 5;

    private final MemberRepository members;
    private final SecureRandom random = new SecureRandom();

    MemberImports(MemberRepository members) {
        this.members = members;
    }

    /**
     * Creates the members whose phone the brand does not have yet and matches the others (their
     * birthday, gender and nickname are filled in only where empty; nothing else changes). Runs in
     * the caller's transaction. One result per row, in no particular order.
     */
    public Mono<List<ImportedMemberResult>> importAll(long brandId, List<ImportedMember> rows) {
        return attempt(brandId, rows, new ArrayList<>(), 0);
    }

    /** The members of the brand with these phone hashes: hash to member id (phones nobody has are left out). */
    public Mono<java.util.Map<ByteKey, Long>> existingPhones(long brandId, Collection<byte[]> phoneHashes) {
        return members.existingPhoneHashes(brandId, phoneHashes)
                .collectMap(found -> new ByteKey(found.phoneHash()), ImportedMemberResult::memberId);
    }

    private Mono<List<ImportedMemberResult>> attempt(long brandId, List<ImportedMember> rows,
                                                     List<ImportedMemberResult> done, int attempt) {
        if (rows.isEmpty()) {
            return Mono.just(done);
        }
        List<String> codes = rows.stream().map(r -> inviteCode()).toList();
        return members.importAll(brandId, rows, codes).collectList().flatMap(results -> {
            done.addAll(results);
            Set<ByteKey> answered = new HashSet<>();
            results.forEach(r -> answered.add(new ByteKey(r.phoneHash())));
            // a row no statement answered lost an invite code (or phone) race: try it again
            List<ImportedMember> left = rows.stream().filter(r -> !answered.contains(new ByteKey(r.phoneHash()))).toList();
            if (!left.isEmpty() && attempt + 1 >= ATTEMPTS) {
                return Mono.error(new IllegalStateException(left.size() + " imported members could not be written"));
            }
            return attempt(brandId, left, done, attempt + 1);
        });
    }

    private String inviteCode() {
        StringBuilder code = new StringBuilder(INVITE_LENGTH);
        for (int i = 0; i < INVITE_LENGTH; i++) {
            code.append(INVITE_ALPHABET.charAt(random.nextInt(INVITE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A byte array with value equality, for sets and maps of phone hashes. */
    public record ByteKey(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ByteKey other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }
}
