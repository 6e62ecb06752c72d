package com.loyalty.bulk;

import com.loyalty.audit.StaffAuditLog;
import com.loyalty.shared.Csv;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.crypto.PhoneCipher;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The CSV exports (members, orders, the points ledger), streamed row by row as {@link Csv} writes
 * them (byte-order mark, quoting, formula guard). Admins export the brand, store managers their
 * store (its members: registered or bought there; its orders). Phones are masked
 * (138****1234) unless an admin asks for them whole, which the audit trail records as such.
 */
@Service
class BulkExports {

    /** What may be exported. */
    enum What {
        MEMBERS("members"), ORDERS("orders"), POINTS_LEDGER("points-ledger");

        final String file;

        What(String file) {
            this.file = file;
        }

        static What of(String file) {
            return Arrays.stream(values()).filter(w -> w.file.equals(file)).findFirst().orElse(null);
        }
    }

    /** Who may export: admins (the brand) and store managers (their store). */
    static boolean mayExport(Viewer viewer) {
        return viewer.role() == Role.ADMIN || viewer.role() == Role.STORE_MANAGER && viewer.storeId() != null;
    }

    private final BulkExportRepository rows;
    private final PhoneCipher phones;
    private final StaffAuditLog audit;
    private final BrandProperties brand;

    BulkExports(BulkExportRepository rows, PhoneCipher phones, StaffAuditLog audit, BrandProperties brand) {
        this.rows = rows;
        this.phones = phones;
        this.audit = audit;
        this.brand = brand;
    }

    /** The file's name for the download. */
    String filename(Viewer viewer, What what, LocalDate from, LocalDate to) {
        return what.file + "-" + (viewer.storeId() == null ? "brand" : "store-" + viewer.storeId())
                + (what == What.MEMBERS ? "" : "-" + from + "-" + to) + ".csv";
    }

    /** Audits the export, then streams it: the header first, then the rows in batches of lines. */
    Flux<byte[]> export(Viewer viewer, What what, LocalDate from, LocalDate to, boolean fullPhones) {
        Long storeId = viewer.role() == Role.ADMIN ? null : viewer.storeId();
        Instant start = from.atStartOfDay(brand.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(brand.zone()).toInstant();
        List<String> header;
        Flux<BulkExportRepository.Row> source;
        int phoneAt;
        switch (what) {
            case MEMBERS -> {
                header = BulkExportRepository.MEMBER_HEADER;
                source = rows.members(viewer.brandId(), storeId, brand.zone());
                phoneAt = 1;
            }
            case ORDERS -> {
                header = BulkExportRepository.ORDER_HEADER;
                source = rows.orders(viewer.brandId(), storeId, start, end, brand.zone());
                phoneAt = 4;
            }
            default -> {
                header = BulkExportRepository.LEDGER_HEADER;
                source = rows.ledger(viewer.brandId(), storeId, start, end, brand.zone());
                phoneAt = 2;
            }
        }
        String detail = what.file + (what == What.MEMBERS ? "" : " " + from + ".." + to)
                + (fullPhones ? " 完整手机号" : " 手机号已打码");
        return audit.record(viewer, storeId, "BULK_EXPORT", null, detail)
                .thenMany(Flux.concat(Mono.just((Csv.BOM + Csv.line(header)).getBytes(StandardCharsets.UTF_8)),
                        source.map(row -> line(row, phoneAt, fullPhones)).buffer(200)
                                .map(lines -> String.join("", lines).getBytes(StandardCharsets.UTF_8))));
    }

    private String line(BulkExportRepository.Row row, int phoneAt, boolean fullPhones) {
        Object[] cells = row.cells();
        if (row.phoneCipher() != null) {
            String phone = phones.decrypt(row.phoneCipher());
            cells[phoneAt] = fullPhones ? phone : PhoneCipher.mask(phone);
        }
        return Csv.line(Arrays.asList(cells));
    }
}
