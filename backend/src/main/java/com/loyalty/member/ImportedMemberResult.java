package com.loyalty.member;

/**
 * What became of an imported row: the member it is now, and whether the import created them
 * ({@code created}) or matched a member who already had that phone.
 */
public record ImportedMemberResult(byte[] phoneHash, long memberId, boolean created) {
}
