package com.loyalty.media;

/** What a picture staff upload is for (kept as media_object.purpose). */
public enum PictureUse {
    /** Goods of the points mall: marketers and admins. */
    GOODS,
    /** A member event: its store's manager, marketers and admins (for a store, or for the brand). */
    EVENT
}
