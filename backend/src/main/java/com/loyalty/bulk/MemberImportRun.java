package com.loyalty.bulk;

import com.loyalty.member.ImportedMember;
import com.loyalty.member.ImportedMemberResult;
import com.loyalty.member.MemberImports;
import com.loyalty.points.PointsOpening;
import com.loyalty.points.PointsOpenings;
import com.loyalty.shared.crypto.PhoneCipher;
import com.loyalty.tag.TagImports;
import com.loyalty.tier.TierOpening;
import com.loyalty.tier.TierService;
import com.loyalty.wallet.WalletOpening;
import com.loyalty.wallet.WalletOpenings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * One batch of checked member rows, as a dry run counts it or as the import writes it. The import
 * writes a batch in one transaction: rows whose phone an import took before are skipped; the others
 * become members (new, or matched by phone) through the member module, with their opening points
 * (points), stored value (wallet), tier (tier) and tags (tag), and the phones are remembered
 * ({@code bulk_member_row}) with the job's progress. A crash loses at most the batch in flight, and
 * running the file again skips what was committed.
 */
@Component
class MemberImportRun {

    private final MemberImports members;
    private final PointsOpenings points;
    private final WalletOpenings wallets;
    private final TierService tiers;
    private final TagImports tags;
    private final PhoneCipher phones;
    private final BulkRepository bulk;
    private final TransactionalOperator tx;

    MemberImportRun(MemberImports members, PointsOpenings points, WalletOpenings wallets, TierService tiers,
                    TagImports tags, PhoneCipher phones, BulkRepository bulk, TransactionalOperator tx) {
        this.members = members;
        this.points = points;
        this.wallets = wallets;
        this.tiers = tiers;
        this.tags = tags;
        this.phones = phones;
        this.bulk = bulk;
        this.tx = tx;
    }

    /** What the batch would do: how many rows would be new members, matched, or skipped as imported before. */
    Mono<Progress> count(BulkJob job, List<MemberRow> rows, Progress progress) {
        Map<String, MemberRow> byHash = hashes(rows);
        List<byte[]> raw = byHash.keySet().stream().map(java.util.HexFormat.of()::parseHex).toList();
        return bulk.importedPhones(job.brandId(), byHash.keySet()).collect(HashSet<String>::new, Set::add)
                .zipWith(members.existingPhones(job.brandId(), raw))
                .map(found -> {
                    Set<String> imported = found.getT1();
                    Set<String> existing = new HashSet<>();
                    found.getT2().keySet().forEach(k -> existing.add(BulkRepository.hex(k.bytes())));
                    long created = 0, matched = 0, skipped = 0, pts = 0, cents = 0;
                    for (Map.Entry<String, MemberRow> e : byHash.entrySet()) {
                        if (imported.contains(e.getKey())) {
                            skipped++;
                            continue;
                        }
                        if (existing.contains(e.getKey())) {
                            matched++;
                        } else {
                            created++;
                        }
                        pts += e.getValue().points();
                        cents += e.getValue().storedValueCents();
                    }
                    return progress.plus(created, matched, skipped, pts, cents);
                });
    }

    /** Writes the batch in one transaction, with the job's progress. */
    Mono<Progress> write(BulkJob job, List<MemberRow> rows, Progress progress, Instant now) {
        Map<String, MemberRow> byHash = hashes(rows);
        return bulk.importedPhones(job.brandId(), byHash.keySet()).collect(HashSet<String>::new, Set::add)
                .flatMap(imported -> {
                    List<MemberRow> fresh = byHash.entrySet().stream().filter(e -> !imported.contains(e.getKey()))
                            .map(Map.Entry::getValue).toList();
                    long skipped = byHash.size() - fresh.size();
                    if (fresh.isEmpty()) {
                        return Mono.just(progress.plus(0, 0, skipped, 0, 0));
                    }
                    List<ImportedMember> asMembers = fresh.stream().map(r -> new ImportedMember(
                            phones.lookupHash(r.phone()), phones.encrypt(r.phone()), r.name(), r.birthday(), r.gender(),
                            r.storeId(), r.registeredAt())).toList();
                    return members.importAll(job.brandId(), asMembers)
                            .flatMap(results -> openings(job, fresh, results, now)
                                    .map(sums -> progress.plus(results.stream().filter(ImportedMemberResult::created).count(),
                                            results.stream().filter(r -> !r.created()).count(), skipped, sums[0], sums[1])));
                })
                .flatMap(done -> bulk.insertProblems(job.id(), done.problems())
                        .then(bulk.addProgress(job.id(), done, now)).thenReturn(done))
                .as(tx::transactional);
    }

    /** The openings of the batch's members: points, stored value, tiers, tags; then the phones remembered. */
    private Mono<long[]> openings(BulkJob job, List<MemberRow> rows, List<ImportedMemberResult> results, Instant now) {
        Map<String, Long> memberOf = new HashMap<>();
        results.forEach(r -> memberOf.put(BulkRepository.hex(r.phoneHash()), r.memberId()));
        List<PointsOpening> pointsOpenings = new ArrayList<>();
        List<WalletOpening> walletOpenings = new ArrayList<>();
        List<TierOpening> tierOpenings = new ArrayList<>();
        List<TagImports.MemberTagName> tagNames = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        long pts = 0;
        long cents = 0;
        for (MemberRow row : rows) {
            String hash = BulkRepository.hex(phones.lookupHash(row.phone()));
            long memberId = memberOf.get(hash);
            if (row.points() > 0) {
                pointsOpenings.add(new PointsOpening(memberId, row.points(), row.pointsExpireAt(), now));
                pts += row.points();
            }
            if (row.storedValueCents() > 0) {
                walletOpenings.add(new WalletOpening(memberId, row.storeId(), row.storedValueCents(), now));
                cents += row.storedValueCents();
            }
            if (row.tierLevel() != null) {
                tierOpenings.add(new TierOpening(memberId, row.tierLevel()));
            }
            row.tags().forEach(tag -> tagNames.add(new TagImports.MemberTagName(memberId, tag)));
            hashes.add(hash);
            ids.add(memberId);
            numbers.add(row.memberNo());
        }
        long[] sums = {pts, cents};
        return points.open(job.brandId(), job.startedBy(), pointsOpenings)
                .then(wallets.open(job.brandId(), job.startedBy(), walletOpenings))
                .then(tiers.setImported(tierOpenings, now))
                .then(tags.tagAll(job.brandId(), job.startedBy(), tagNames, now))
                .then(bulk.recordRows(job.brandId(), job.id(), hashes, ids, numbers))
                .thenReturn(sums);
    }

    private Map<String, MemberRow> hashes(List<MemberRow> rows) {
        Map<String, MemberRow> byHash = new HashMap<>();
        for (MemberRow row : rows) {
            byHash.put(BulkRepository.hex(phones.lookupHash(row.phone())), row);
        }
        return byHash;
    }
}
