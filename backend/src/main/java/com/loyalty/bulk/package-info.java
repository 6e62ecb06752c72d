/**
 * Bulk import and export: members (with their opening points, stored value, tier and tags) and
 * order history from a brand's previous system, uploaded as CSV or XLSX, checked by a dry run and
 * imported idempotently through the owning modules' APIs; members, orders and the points ledger
 * exported as streamed CSV by role.
 */
package com.loyalty.bulk;
