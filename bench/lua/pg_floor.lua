-- The peer's floor: PostGraphile answers { __typename } for a member's JWT (no table read; its per-request
-- transaction with the JWT claims still runs).
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
require("common").member_query("floor")
