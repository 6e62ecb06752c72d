package com.loyalty.media;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * Turns an uploaded file into an avatar we can serve: it must be a JPEG or PNG by its content (magic
 * bytes, then ImageIO decodes it; the file name and declared type count for nothing), no larger than
 * {@code max-source-side} in either dimension (read from the header before decoding, so a tiny
 * file that claims 100000×100000 pixels never gets decoded), and it is re-encoded at most
 * {@code avatar-side} pixels square, without any of the original's metadata (EXIF, GPS, comments,
 * ICC profiles): JPEG, or PNG when it has transparency. No uploaded byte is ever served as it came.
 * Decoding blocks: call it on a worker thread.
 */
@Component
class AvatarImages {

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final float JPEG_QUALITY = 0.85f;

    private final int maxSourceSide;
    private final int avatarSide;

    AvatarImages(MediaProperties properties) {
        this.maxSourceSide = properties.maxSourceSide();
        this.avatarSide = properties.avatarSide();
    }

    /** A re-encoded image and its format and size. */
    record Encoded(byte[] bytes, ImageFormat format, int width, int height) {
    }

    Encoded reencode(byte[] upload) {
        ImageFormat source = sniff(upload);
        BufferedImage decoded = decode(upload, source);
        boolean alpha = decoded.getColorModel().hasAlpha();
        BufferedImage scaled = scale(decoded, alpha);
        ImageFormat target = alpha ? ImageFormat.PNG : ImageFormat.JPEG;
        return new Encoded(write(scaled, target), target, scaled.getWidth(), scaled.getHeight());
    }

    private static ImageFormat sniff(byte[] upload) {
        if (startsWith(upload, PNG_MAGIC)) {
            return ImageFormat.PNG;
        }
        if (startsWith(upload, JPEG_MAGIC)) {
            return ImageFormat.JPEG;
        }
        throw unsupported();
    }

    private BufferedImage decode(byte[] upload, ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw unsupported();
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw unsupported();
            }
            if (width > maxSourceSide || height > maxSourceSide) {
                throw new BusinessException(ErrorCode.UPLOAD_TOO_LARGE,
                        "图片尺寸太大（最大 " + maxSourceSide + "×" + maxSourceSide + " 像素），请换一张");
            }
            // a large photo is read at a fraction of its pixels: enough for the avatar, far less memory
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.min(width, height) / (2 * avatarSide));
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessException business) {
                throw business;
            }
            throw unsupported();
        } finally {
            reader.dispose();
        }
    }

    /** Fits the image in avatar-side × avatar-side, keeping its proportions; JPEGs get a white background. */
    private BufferedImage scale(BufferedImage image, boolean alpha) {
        double factor = Math.min(1.0, (double) avatarSide / Math.max(image.getWidth(), image.getHeight()));
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
            throw new IllegalStateException("could not encode an avatar", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static BusinessException unsupported() {
        return new BusinessException(ErrorCode.UPLOAD_TYPE_UNSUPPORTED, "只能上传 JPG 或 PNG 图片，这个文件无法识别");
    }
}
