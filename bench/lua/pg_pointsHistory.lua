-- The peer's points history: bench/graphql/peer/pointsHistory.graphql, the first 20 ledger entries with
-- total count and balance, as the member of a JWT taken round-robin from the token file.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
require("common").member_query("peer/pointsHistory")
