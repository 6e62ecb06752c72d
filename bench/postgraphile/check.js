// Checks that the PostGraphile peer answers what our backend answers: node check.js OUR_URL OUR_TOKENS
// PEER_URL PEER_TOKENS BENCH_DIR MEMBER... (token files of "memberId token" lines). Compares, for each
// member, `me` (nickname, tier, next tier, three-month
// spend as ours averages it, reviews below threshold, points balance) and the points history page
// (balance, total count, has-next, the 20 entries: id, kind, delta, reason, order, store, times).
// Prints what differs and exits 1 when anything does.
const fs = require("fs");
const [ourUrl, ourTokens, peerUrl, peerTokens, dir, ...members] = process.argv.slice(2);
const tokens = (file) => fs.readFileSync(file, "utf8").trim().split("\n").map((l) => l.split(" "));
const doc = (name) => fs.readFileSync(`${dir}/graphql/${name}.graphql`, "utf8");

async function gql(url, token, query) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = await res.json();
  if (res.status !== 200 || body.errors) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return body.data;
}

const tier = (t) => (t ? { level: t.level, name: t.name, thresholdCents: String(t.thresholdCents) } : null);
const time = (s) => (s ? new Date(s).toISOString() : null);
const str = (v) => (v === null || v === undefined ? null : String(v));

async function main() {
  if (!members.length) throw new Error("usage: node check.js OUR_URL OUR_TOKENS PEER_URL PEER_TOKENS BENCH_DIR MEMBER...");
  const all = tokens(ourTokens);
  const ours = members.map((id) => all.find(([oid]) => oid === id) || [id, null]);
  const peers = tokens(peerTokens);
  const problems = [];
  const same = (what, a, b) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`${what}: ours ${JSON.stringify(a)}, peer ${JSON.stringify(b)}`);
  };
  for (const [id, token] of ours) {
    const peer = peers.find(([pid]) => pid === id);
    if (!peer || !token) throw new Error(`no token for member ${id}`);
    const me = (await gql(ourUrl, token, doc("me"))).me;
    const pm = (await gql(peerUrl, peer[1], doc("peer/me"))).currentMember;
    same(`member ${id} me`, {
      id: me.id, nickname: me.nickname, tier: tier(me.tier), current: tier(me.tierProgress.current),
      next: tier(me.tierProgress.next), averageMonthlySpendCents: String(me.tierProgress.averageMonthlySpendCents),
      monthsBelow: me.tierProgress.monthsBelowThreshold, balance: String(me.pointsBalance),
    }, {
      id: pm.id, nickname: pm.nickname, tier: tier(pm.currentTier), current: tier(pm.currentTier),
      next: tier(pm.nextTier), averageMonthlySpendCents: String(BigInt(pm.threeMonthSpendCents) / 3n),
      monthsBelow: pm.memberTierByMemberId ? pm.memberTierByMemberId.monthsBelow : 0,
      balance: String(pm.memberPointByMemberId ? pm.memberPointByMemberId.balance : 0),
    });
    const h = (await gql(ourUrl, token, doc("pointsHistory"))).me;
    const ph = (await gql(peerUrl, peer[1], doc("peer/pointsHistory"))).currentMember;
    const entry = (e) => ({ id: e.id, kind: e.kind, delta: String(e.delta), reason: e.reason, orderNo: e.orderNo,
                            storeId: str(e.storeId), createdAt: time(e.createdAt), expiresAt: time(e.expiresAt) });
    same(`member ${id} pointsHistory`, {
      balance: String(h.pointsBalance), totalCount: h.pointsHistory.totalCount,
      hasNextPage: h.pointsHistory.pageInfo.hasNextPage, entries: h.pointsHistory.edges.map((e) => entry(e.node)),
    }, {
      balance: String(ph.memberPointByMemberId ? ph.memberPointByMemberId.balance : 0),
      totalCount: ph.pointsLedgersByMemberId.totalCount, hasNextPage: ph.pointsLedgersByMemberId.pageInfo.hasNextPage,
      entries: ph.pointsLedgersByMemberId.edges.map((e) => entry({ ...e.node,
        orderNo: e.node.purchaseByPurchaseId ? e.node.purchaseByPurchaseId.orderNo : null })),
    });
  }
  if (problems.length) {
    console.error("the peer answers differently from ours:\n" + problems.join("\n"));
    process.exit(1);
  }
  console.log(`the peer answers as ours for members ${members.join(", ")} (me, pointsHistory)`);
}
main().catch((e) => { console.error(e.message); process.exit(1); });
