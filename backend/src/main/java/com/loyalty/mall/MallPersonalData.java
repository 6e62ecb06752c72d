package com.loyalty.mall;

import com.loyalty.privacy.ExportSection;
import com.loyalty.privacy.PersonalData;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The member's redemptions in the points mall (bought with points or won in the lottery), for their
 * data export: what they redeemed, how many, under which terms, its state, pickup or delivery, and the delivery address they gave in full (decrypted: it is
 * theirs; staff only ever see it masked).
 */
@Component
class MallPersonalData implements PersonalData {

    private final MallRedemptionRepository redemptions;
    private final MallRedemptionService service;
    private final JsonMapper json;

    MallPersonalData(MallRedemptionRepository redemptions, MallRedemptionService service, JsonMapper json) {
        this.redemptions = redemptions;
        this.service = service;
        this.json = json;
    }

    @Override
    public Flux<ExportSection> sections(long memberId) {
        return redemptions.allOf(memberId).collectList().map(all -> {
            ArrayNode records = json.createArrayNode();
            for (MallRedemption r : all) {
                ObjectNode node = records.addObject();
                node.put("goods", r.name());
                node.put("terms_version", r.version());
                node.put("source", r.source().name());
                node.put("state", r.state().name());
                node.put("quantity", r.quantity());
                node.put("points_price", r.pointsPrice());
                node.put("points_paid", r.pointsTotal());
                node.put("cash_cents", r.cashCents());
                node.put("fulfilment", r.fulfilment().name());
                node.put("pickup_store_id", r.pickupStoreId() == null ? null : r.pickupStoreId().toString());
                node.put("pickup_code", r.pickupCode());
                node.put("pickup_by", text(r.pickupBy()));
                node.put("picked_up_at", text(r.pickedUpAt()));
                node.put("cash_collected_cents", r.cashCollectedCents());
                node.put("address", service.address(r));
                node.put("tracking_number", r.trackingNumber());
                node.put("shipped_at", text(r.shippedAt()));
                node.put("cancelled_at", text(r.cancelledAt()));
                node.put("cancel_reason", r.cancelReason());
                node.put("created_at", text(r.createdAt()));
            }
            return new ExportSection("mallRedemptions", json.writeValueAsString(records));
        }).flux();
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
