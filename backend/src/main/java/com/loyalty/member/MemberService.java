package com.loyalty.member;

import com.loyalty.shared.crypto.PhoneCipher;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Sessions;
import com.loyalty.wechat.WeChatClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** Registers members on first login and applies the rules for editing their own profile. */
@Service
public class MemberService {

    private static final String INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int INVITE_LENGTH = 8;
    private static final int NICKNAME_MAX = 32;
    private static final int AVATAR_URL_MAX = 512;

    private final MemberRepository members;
    private final PhoneCipher phoneCipher;
    private final WeChatClient weChat;
    private final Clock clock;
    private final ObjectProvider<MemberEvents> events;
    private final TransactionalOperator tx;
    private final SecureRandom random = new SecureRandom();
    private final IssuedAvatars avatars;
    private final Sessions sessions;

    public MemberService(MemberRepository members, PhoneCipher phoneCipher, WeChatClient weChat, Clock clock,
                         ObjectProvider<MemberEvents> events, TransactionalOperator tx, IssuedAvatars avatars,
                         Sessions sessions) {
        this.sessions = sessions;
        this.avatars = avatars;
        this.members = members;
        this.phoneCipher = phoneCipher;
        this.weChat = weChat;
        this.clock = clock;
        this.events = events;
        this.tx = tx;
    }

    /** A member after login, and whether this login registered them. */
    public record Registration(Member member, boolean registered) {
    }

    /** Finds the member by openid or registers them; safe when the same user logs in twice at once. */
    public Mono<Registration> findOrRegister(NewMember candidate) {
        return members.findByOpenid(candidate.appId(), candidate.openid())
                .flatMap(found -> rememberUnionid(found, candidate.unionid()).map(m -> new Registration(m, false)))
                .switchIfEmpty(Mono.defer(() -> members.insertIfAbsent(candidate, newInviteCode())
                        .flatMap(m -> Flux.fromStream(events::orderedStream).concatMap(e -> e.memberRegistered(m))
                                .then(Mono.just(new Registration(m, true))))
                        // lost a race with a concurrent first login: the row is there now
                        .switchIfEmpty(Mono.defer(() -> members.findByOpenid(candidate.appId(), candidate.openid())
                                .map(m -> new Registration(m, false))))))
                .retryWhen(Retry.max(3).filter(DuplicateKeyException.class::isInstance));
    }

    public Mono<Member> get(long memberId) {
        return members.findById(memberId);
    }

    /** The members with these ids (those that exist, in no particular order), for naming members behind other records. */
    public Flux<Member> findByIds(java.util.Collection<Long> memberIds) {
        return members.findByIds(memberIds);
    }

    /** The member if they belong to the brand; MEMBER_NOT_FOUND on the input field otherwise. */
    public Mono<Member> requireInBrand(long brandId, Long memberId, String inputField) {
        return (memberId == null ? Mono.<Member>empty() : members.findById(memberId))
                .filter(m -> m.brandId() == brandId)
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput(inputField,
                        ErrorCode.MEMBER_NOT_FOUND, "会员不存在"))));
    }

    /** Saves the changed fields; an avatar must be a URL issued to this member by an upload (IssuedAvatars). */
    public Mono<Member> updateProfile(long memberId, UpdateProfileInput input) {
        return requirePrivacyNotice(memberId).then(Mono.fromCallable(() -> check(input)))
                .flatMap(change -> requireIssuedAvatar(memberId, change.avatarUrl()).thenReturn(change))
                .flatMap(change -> {
                    Instant now = clock.instant();
                    Instant yearAgo = ZonedDateTime.now(clock).minusYears(1).toInstant();
                    return members.updateProfile(memberId, change, now, yearAgo);
                })
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("birthday",
                        ErrorCode.BIRTHDAY_CHANGE_LIMIT, "生日一年内只能修改一次"))));
    }

    /**
     * Binds the phone WeChat vouches for; the first binding completes registration (MemberEvents).
     * When the phone belongs to a member imported from the brand's previous system who has not
     * signed in yet ({@link MemberImports}), and the caller has no phone yet, the caller is that
     * member: their WeChat identity moves onto the imported member, the sign-in that asked ends
     * (the next login signs in as the imported member) and the imported member is returned.
     */
    public Mono<Member> bindPhone(long memberId, String code) {
        return requirePrivacyNotice(memberId).then(Mono.defer(() -> weChat.phoneNumber(code)))
                .flatMap(phone -> members.findById(memberId).flatMap(before -> before.phoneCipher() != null
                                || before.registrationChannel() == RegistrationChannel.IMPORT ? Mono.<Member>empty()
                                : members.lockUnclaimedImport(before.brandId(), phoneCipher.lookupHash(phone))
                                        .flatMap(imported -> members.claimImport(memberId, imported.id(), clock.instant())))
                        .as(tx::transactional)
                        .flatMap(claimed -> sessions.endAll(com.loyalty.shared.security.Viewer.subjectOf(
                                com.loyalty.shared.security.Role.MEMBER, memberId)).thenReturn(claimed))
                        .switchIfEmpty(Mono.defer(() -> setPhone(memberId, phone))))
                .onErrorMap(DuplicateKeyException.class, e -> new BusinessException(ErrorCode.PHONE_IN_USE,
                        "该手机号已绑定其他会员"));
    }

    private Mono<Member> setPhone(long memberId, String phone) {
        return members.findById(memberId).flatMap(before -> members
                        .setPhone(memberId, phoneCipher.encrypt(phone), phoneCipher.lookupHash(phone), clock.instant())
                        .flatMap(after -> before.phoneCipher() != null ? Mono.just(after)
                                : Flux.fromStream(events::orderedStream).concatMap(e -> e.phoneBound(after))
                                        .then(Mono.just(after))))
                        .as(tx::transactional);
    }

    /**
     * No profile data beyond the openid before the member accepted the privacy notice (PIPL):
     * PRIVACY_NOTICE_NOT_ACCEPTED until then (an avatar upload asks too).
     */
    public Mono<Void> requirePrivacyNotice(long memberId) {
        return members.privacyAccepted(memberId).flatMap(accepted -> accepted ? Mono.<Void>empty()
                : Mono.error(new BusinessException(ErrorCode.PRIVACY_NOTICE_NOT_ACCEPTED,
                        "请先阅读并同意隐私政策，再完善个人资料")));
    }

    /**
     * The id of the brand's member who bound this phone number (typed as staff type it: spaces,
     * dashes and +86 allowed); empty when it is not a phone number or no member has it.
     */
    public Mono<Long> idByPhone(long brandId, String typed) {
        String digits = PhoneCipher.normalize(typed);
        return digits == null ? Mono.empty() : members.idByPhoneHash(brandId, phoneCipher.lookupHash(digits));
    }

    /**
     * The member's full phone number, or null when none is bound. Only for what needs the number
     * itself (a call the staff member was allowed to make, audited by the caller); show
     * {@link #maskedPhone} otherwise.
     */
    public String phone(Member member) {
        return member.phoneCipher() == null ? null : phoneCipher.decrypt(member.phoneCipher());
    }

    /** The member's phone masked for display, or null when none is bound. */
    public String maskedPhone(Member member) {
        return member.phoneCipher() == null ? null : PhoneCipher.mask(phoneCipher.decrypt(member.phoneCipher()));
    }

    private Mono<Member> rememberUnionid(Member member, String unionid) {
        if (member.unionid() != null || unionid == null) {
            return Mono.just(member);
        }
        return members.setUnionid(member.id(), unionid);
    }

    private ProfileChange check(UpdateProfileInput input) {
        String nickname = input.nickname() == null ? null : input.nickname().strip();
        if (nickname != null && (nickname.isEmpty() || nickname.codePointCount(0, nickname.length()) > NICKNAME_MAX)) {
            throw BusinessException.invalid("nickname", "昵称需为 1 到 32 个字符");
        }
        String avatar = input.avatarUrl() == null ? null : input.avatarUrl().strip();
        if (avatar != null && avatar.length() > AVATAR_URL_MAX) {
            throw invalidAvatar();
        }
        LocalDate birthday = input.birthday();
        if (birthday != null && (birthday.isAfter(LocalDate.now(clock)) || birthday.getYear() < 1900)) {
            throw BusinessException.invalid("birthday", "生日不正确");
        }
        return new ProfileChange(nickname, avatar, birthday, input.gender());
    }


    /** Nothing, or INVALID_INPUT when the avatar is not an image uploaded by this member (IssuedAvatars). */
    private Mono<Void> requireIssuedAvatar(long memberId, String avatarUrl) {
        return avatarUrl == null ? Mono.empty() : avatars.issuedTo(memberId, avatarUrl)
                .flatMap(issued -> issued ? Mono.<Void>empty() : Mono.error(invalidAvatar()));
    }

    private static BusinessException invalidAvatar() {
        return BusinessException.invalid("avatarUrl", "头像需先上传，请重新选择头像");
    }

    private String newInviteCode() {
        StringBuilder code = new StringBuilder(INVITE_LENGTH);
        for (int i = 0; i < INVITE_LENGTH; i++) {
            code.append(INVITE_ALPHABET.charAt(random.nextInt(INVITE_ALPHABET.length())));
        }
        return code.toString();
    }
}
