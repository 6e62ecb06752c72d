package com.loyalty.wechat;

/**
 * A mini-program code as clients get it: scanning it opens {@code page} with {@code scene}, and
 * {@code imagePath} is where this backend serves its PNG, without a sign-in.
 */
public record MiniProgramCode(String scene, String page, String imagePath) {

    /** Where the PNG with this key is served (see {@link MiniProgramCodeImageController}). */
    static String pathOf(String imageKey) {
        return MiniProgramCodeImageController.PREFIX + imageKey + ".png";
    }
}
