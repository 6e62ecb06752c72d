package com.loyalty.bulk;

import com.loyalty.purchase.ImportedOrder;
import java.time.Instant;
import java.util.List;

/** A checked row of an order history file: the member by phone or number, still to be found. */
record OrderRow(long rowNo, String phone, String memberNo, long storeId, String orderNo, Instant orderedAt,
                long amountCents, List<ImportedOrder.Item> items) {
}
