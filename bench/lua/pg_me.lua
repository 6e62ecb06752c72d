-- The peer's me: PostGraphile answers bench/graphql/peer/me.graphql (nickname, tier, next tier, three-month spend,
-- reviews below threshold, points balance) as the member of a JWT taken round-robin from the token file.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
require("common").member_query("peer/me")
