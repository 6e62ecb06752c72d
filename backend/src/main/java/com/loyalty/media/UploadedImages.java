package com.loyalty.media;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded file into an image we can serve. What it is comes from its content (magic bytes,
 * then the decoder reads it; the file name and declared type count for nothing): a JPEG or PNG, and
 * for goods and event pictures also a WebP. It is no larger than {@code max-source-side} in either
 * dimension (read from the header before decoding, so a tiny file that claims 100000×100000 pixels
 * never gets decoded), and it is re-encoded to fit {@code avatar-side} (avatars) or
 * {@code picture-side} (pictures) pixels square, without any of the original's metadata (EXIF, GPS,
 * comments, ICC profiles): JPEG, or PNG when it has transparency. No uploaded byte is ever served as
 * it came. Decoding blocks: call it on a worker thread.
 */
@Component
class UploadedImages {

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final float JPEG_QUALITY = 0.85f;
    /** The WebP decoder, used directly (not through ImageIO's registry, which a packaged jar may not scan). */
    private static final WebPImageReaderSpi WEBP = new WebPImageReaderSpi();

    /** What an upload is for: the side it is fitted in and which source formats are taken. */
    enum Kind {
        /** A member's avatar: JPEG or PNG. */
        AVATAR(false),
        /** A picture of goods or of an event, uploaded by staff: JPEG, PNG or WebP. */
        PICTURE(true);

        private final boolean webp;

        Kind(boolean webp) {
            this.webp = webp;
        }
    }

    /** A format an upload may come in (what we store is an {@link ImageFormat}). */
    private enum Source { JPEG, PNG, WEBP }

    private final int maxSourceSide;
    private final int avatarSide;
    private final int pictureSide;

    UploadedImages(MediaProperties properties) {
        this.maxSourceSide = properties.maxSourceSide();
        this.avatarSide = properties.avatarSide();
        this.pictureSide = properties.pictureSide();
    }

    /** A re-encoded image and its format and size. */
    record Encoded(byte[] bytes, ImageFormat format, int width, int height) {
    }

    Encoded reencode(byte[] upload, Kind kind) {
        Source source = sniff(upload, kind);
        int side = kind == Kind.AVATAR ? avatarSide : pictureSide;
        BufferedImage decoded = decode(upload, source, side, kind);
        boolean alpha = decoded.getColorModel().hasAlpha();
        BufferedImage scaled = scale(decoded, alpha, side);
        ImageFormat target = alpha ? ImageFormat.PNG : ImageFormat.JPEG;
        return new Encoded(write(scaled, target), target, scaled.getWidth(), scaled.getHeight());
    }

    private static Source sniff(byte[] upload, Kind kind) {
        if (startsWith(upload, PNG_MAGIC)) {
            return Source.PNG;
        }
        if (startsWith(upload, JPEG_MAGIC)) {
            return Source.JPEG;
        }
        boolean webp = upload.length >= 12 && ascii(upload, 0, 4).equals("RIFF") && ascii(upload, 8, 4).equals("WEBP");
        if (webp && kind.webp) {
            return Source.WEBP;
        }
        if (kind == Kind.AVATAR) {
            throw unsupported(kind);
        }
        String other = webp ? "WebP" : otherImageType(upload);
        if (other != null) {
            throw new BusinessException(ErrorCode.UPLOAD_TYPE_UNSUPPORTED,
                    "不支持 " + other + " 格式，请上传 JPG、PNG 或 WebP 图片");
        }
        throw unsupported(kind);
    }

    /** The name of an image format we recognise but do not take, for a clear refusal; null for anything else. */
    private static String otherImageType(byte[] upload) {
        String head = ascii(upload, 0, Math.min(upload.length, 12));
        if (head.startsWith("GIF8")) {
            return "GIF";
        }
        if (head.startsWith("BM")) {
            return "BMP";
        }
        if (head.startsWith("II*") || head.startsWith("MM\0*")) {
            return "TIFF";
        }
        if (head.length() >= 12 && head.startsWith("ftyp", 4) && (head.startsWith("heic", 8) || head.startsWith("heix", 8)
                || head.startsWith("mif1", 8) || head.startsWith("avif", 8))) {
            return head.startsWith("avif", 8) ? "AVIF" : "HEIC";
        }
        String start = ascii(upload, 0, Math.min(upload.length, 256)).stripLeading();
        if (start.startsWith("<svg") || start.startsWith("<?xml") && start.contains("<svg")) {
            return "SVG";
        }
        return null;
    }

    private BufferedImage decode(byte[] upload, Source source, int side, Kind kind) {
        ImageReader reader = readerFor(source, kind);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw unsupported(kind);
            }
            if (width > maxSourceSide || height > maxSourceSide) {
                throw new BusinessException(ErrorCode.UPLOAD_TOO_LARGE,
                        "图片尺寸太大（最大 " + maxSourceSide + "×" + maxSourceSide + " 像素），请换一张");
            }
            // a large photo is read at a fraction of its pixels: enough for the target, far less memory
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.min(width, height) / (2 * side));
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessException business) {
                throw business;
            }
            throw unsupported(kind);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader readerFor(Source source, Kind kind) {
        if (source == Source.WEBP) {
            try {
                return WEBP.createReaderInstance();
            } catch (IOException e) {
                throw unsupported(kind);
            }
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(source == Source.PNG ? "png" : "jpeg");
        if (!readers.hasNext()) {
            throw unsupported(kind);
        }
        return readers.next();
    }

    /** Fits the image in side × side, keeping its proportions; JPEGs get a white background. */
    private static BufferedImage scale(BufferedImage image, boolean alpha, int side) {
        double factor = Math.min(1.0, (double) side / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (!alpha) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Writes the pixels only: no metadata of the source goes along. */
    private static byte[] write(BufferedImage image, ImageFormat format) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format.imageIoName()).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("could not encode an uploaded image", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String ascii(byte[] bytes, int from, int length) {
        return from + length > bytes.length ? "" : new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }

    private static BusinessException unsupported(Kind kind) {
        return new BusinessException(ErrorCode.UPLOAD_TYPE_UNSUPPORTED, kind == Kind.AVATAR
                ? "只能上传 JPG 或 PNG 图片，这个文件无法识别"
                : "这个文件不是图片或已损坏，请上传 JPG、PNG 或 WebP 图片");
    }
}
