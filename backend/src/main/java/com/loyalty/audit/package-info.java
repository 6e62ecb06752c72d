/**
 * The audit trail of staff actions: who, at which store, on whom, what and why. Every module that
 * lets staff act appends to it through {@link com.loyalty.audit.StaffAuditLog}; admins read it
 * (the staff module names the staff), and privacy's retention job purges old entries.
 */
package com.loyalty.audit;
