package com.loyalty.member;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A member as the brand's previous system knew them, to be imported: the phone's keyed hash and
 * ciphertext (PhoneCipher), the name (kept as the nickname), birthday, gender, registration store
 * (the brand's, already checked) and time.
 */
public record ImportedMember(byte[] phoneHash, byte[] phoneCipher, String name, LocalDate birthday, Gender gender,
                             Long storeId, Instant registeredAt) {
}
