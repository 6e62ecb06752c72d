package com.loyalty.dev.wechat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What tests can program in the fake WeChat: access tokens it honours and the next errcodes per openid. */
final class FakeWeChatState {

    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    /** Programmed errcodes for the next subscribe messages, by "openid" or "openid|templateId". */
    private final Map<String, Deque<Integer>> nextAnswers = new ConcurrentHashMap<>();

    String issueToken() {
        String token = "fake-access-token-" + tokensIssued.incrementAndGet();
        validTokens.add(token);
        return token;
    }

    boolean tokenValid(String token) {
        return token != null && validTokens.contains(token);
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    void revokeTokens() {
        validTokens.clear();
    }

    void program(String key, int... errcodes) {
        Deque<Integer> answers = nextAnswers.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (answers) {
            for (int errcode : errcodes) {
                answers.addLast(errcode);
            }
        }
    }

    /** The next programmed errcode for the template to the openid (specific first), or 0: deliver. */
    int nextAnswer(String openid, String templateId) {
        Integer answer = poll(openid + "|" + templateId);
        if (answer == null) {
            answer = poll(openid);
        }
        return answer == null ? 0 : answer;
    }

    private Integer poll(String key) {
        Deque<Integer> answers = nextAnswers.get(key);
        if (answers == null) {
            return null;
        }
        synchronized (answers) {
            return answers.pollFirst();
        }
    }
}
