package com.loyalty.membercode;

import com.loyalty.member.Member;
import java.util.List;

/** What the till shows about a scanned member. */
public record MemberCard(Member member, List<String> tags) {
}
