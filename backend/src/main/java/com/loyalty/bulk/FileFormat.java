package com.loyalty.bulk;

/** How an uploaded file is written: told by its first bytes, not its name. */
public enum FileFormat {
    CSV,
    XLSX;

    /** XLSX when the file starts as a zip archive does; CSV otherwise. */
    static FileFormat of(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4 ? XLSX : CSV;
    }
}
