package com.loyalty.bulk;

/**
 * The phones seen so far in a file and the row each was first seen on: an open-addressing table of
 * longs (a million phones in about 24 MB), for finding duplicates without boxing.
 */
final class PhoneSeen {

    private long[] keys = new long[1 << 16];
    private long[] rows = new long[1 << 16];
    private int size;

    /** The row the phone was first seen on; {@code rowNo} (remembered) when it is new. */
    long firstRow(long phone, long rowNo) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = spread(phone) & mask;
        while (keys[i] != 0) {
            if (keys[i] == phone) {
                return rows[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = phone;
        rows[i] = rowNo;
        size++;
        return rowNo;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = spread(oldKeys[j]) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                rows[i] = oldRows[j];
            }
        }
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
