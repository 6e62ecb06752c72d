package com.loyalty.media;

/** The formats media are stored in after re-encoding: JPEG, or PNG for images with transparency. */
enum ImageFormat {
    JPEG("jpg", "image/jpeg", "jpeg"),
    PNG("png", "image/png", "png");

    private final String extension;
    private final String contentType;
    private final String imageIoName;

    ImageFormat(String extension, String contentType, String imageIoName) {
        this.extension = extension;
        this.contentType = contentType;
        this.imageIoName = imageIoName;
    }

    String extension() {
        return extension;
    }

    String contentType() {
        return contentType;
    }

    /** The ImageIO writer's format name. */
    String imageIoName() {
        return imageIoName;
    }
}
