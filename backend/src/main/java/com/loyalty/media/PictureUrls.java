package com.loyalty.media;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.security.Viewer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which picture URL goods and events may take (docs/api.md "Pictures of goods and events"): a picture
 * uploaded here ({@code <public-url>/media/<key>}) for that use by the brand, an event's only when it
 * was uploaded for the event's store or for the whole brand; or a picture hosted elsewhere, by an
 * https URL. A member's avatar, another brand's or another store's picture, an unknown key and plain
 * http are INVALID_INPUT on the field. Callers check a URL when it changes, so a URL saved before
 * these rules stays until it is replaced.
 */
@Component
public class PictureUrls {

    static final int MAX_LENGTH = 500;
    private static final Pattern CONTROL_OR_SPACE = Pattern.compile("[\\p{Cntrl}\\s]");

    private final MediaRepository media;
    private final String prefix;

    PictureUrls(MediaRepository media, MediaProperties properties) {
        this.media = media;
        this.prefix = IssuedAvatarUrls.prefix(properties);
    }

    /**
     * The URL as it is to be saved (stripped) when {@code staff} may use it for {@code use}, at
     * {@code storeId} for an event; INVALID_INPUT on {@code field} otherwise. {@code url} is not blank.
     */
    public Mono<String> checked(Viewer staff, String url, PictureUse use, Long storeId, String field) {
        String value = url.strip();
        if (value.length() > MAX_LENGTH || CONTROL_OR_SPACE.matcher(value).find()) {
            return invalid(field, "图片地址最多 " + MAX_LENGTH + " 个字符，且不能含空格或换行");
        }
        if (!value.startsWith(prefix)) {
            return external(value) ? Mono.just(value)
                    : invalid(field, "请上传图片；外部图片需填写 https 开头的地址（小程序只显示 https 图片）");
        }
        String key = value.substring(prefix.length());
        String reupload = "图片需在控制台上传后使用，请重新上传";
        if (MediaKeys.formatOf(key).isEmpty()) {
            return invalid(field, reupload);
        }
        return media.pictureOwner(key)
                .flatMap(owner -> {
                    if (owner.brandId() != staff.brandId()) {
                        return invalid(field, reupload);
                    }
                    if (owner.use() != use) {
                        return invalid(field, use == PictureUse.GOODS ? "这张图片是为会员活动上传的，请为商品重新上传"
                                : "这张图片是为积分商城商品上传的，请为活动重新上传");
                    }
                    if (use == PictureUse.EVENT && owner.storeId() != null && !Objects.equals(owner.storeId(), storeId)) {
                        return invalid(field, "这张图片是为其他门店的活动上传的，请为本活动重新上传");
                    }
                    return Mono.just(value);
                })
                .switchIfEmpty(invalid(field, reupload));
    }

    /** An https URL with a host. */
    private static boolean external(String value) {
        try {
            URI uri = new URI(value);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static <T> Mono<T> invalid(String field, String message) {
        return Mono.error(BusinessException.invalid(field, message));
    }
}
