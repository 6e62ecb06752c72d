package com.loyalty.privacy;

import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The signed-in member's personal data rights: consents, a copy of their data, closing the account. */
@Controller
class PrivacyController {

    private final ConsentService consents;
    private final AccountClosureService closures;
    private final DataExportService exports;
    private final PrivacyNotices notices;

    PrivacyController(ConsentService consents, AccountClosureService closures, DataExportService exports,
                      PrivacyNotices notices) {
        this.notices = notices;
        this.consents = consents;
        this.closures = closures;
        this.exports = exports;
    }

    /** Anyone, signed in or not: the notice is read before agreeing, which comes before any profile data. */
    @QueryMapping
    public PrivacyNotice privacyNotice(@Argument Integer version) {
        return version == null ? notices.current() : notices.version(version).orElse(null);
    }

    @PreAuthorize("hasRole('MEMBER')")
    @QueryMapping
    public Mono<Consents> myConsents(@AuthenticationPrincipal Viewer viewer) {
        return consents.consents(viewer.id());
    }

    @PreAuthorize("hasRole('MEMBER')")
    @QueryMapping
    public Mono<MyDataExport> exportMyData(@AuthenticationPrincipal Viewer viewer) {
        return exports.export(viewer.id());
    }

    @PreAuthorize("hasRole('MEMBER')")
    @MutationMapping
    public Mono<ConsentsPayload> updateConsents(@Argument UpdateConsentsInput input,
                                                @AuthenticationPrincipal Viewer viewer) {
        return consents.update(viewer.id(), input).map(ConsentsPayload::of)
                .transform(Payloads.recover(ConsentsPayload::failed));
    }

    @PreAuthorize("hasRole('MEMBER')")
    @MutationMapping
    public Mono<CloseAccountPayload> closeAccount(@Argument CloseAccountInput input,
                                                  @AuthenticationPrincipal Viewer viewer) {
        return closures.requestClosure(viewer.id(), input).map(CloseAccountPayload::of)
                .transform(Payloads.recover(CloseAccountPayload::failed));
    }
}
