package com.loyalty.memberevent;

import java.time.Instant;
import java.util.List;

/** The inputs of the member event API, as the schema names them. */
public final class MemberEventInputs {

    private MemberEventInputs() {
    }

    public record CreateMemberEventInput(Long storeId, String title, String description, String pictureUrl, Instant startsAt,
                                  Instant endsAt, Integer capacity, Integer minTierLevel, List<Long> tagIds,
                                  Instant signUpOpensAt, Instant signUpClosesAt, Long points, Instant cancelDeadline) {
    }

    public record UpdateMemberEventInput(Long eventId, String title, String description, String pictureUrl, Instant startsAt,
                                  Instant endsAt, Integer capacity, Integer minTierLevel, List<Long> tagIds,
                                  Instant signUpOpensAt, Instant signUpClosesAt, Long points, Instant cancelDeadline,
                                  String reason) {
    }

    public record MemberEventActionInput(Long eventId, String reason) {
    }

    public record SignUpForEventInput(Long eventId) {
    }

    public record CancelEventSignUpInput(Long eventId) {
    }

    public record CheckInAtEventInput(Long eventId, String memberCode) {
    }

    public record MemberEventFilter(MemberEventStatus status, Long storeId, String search) {
    }
}
