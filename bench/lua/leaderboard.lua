-- Read: the brand's monthly points board, top 20, and the member's own rank.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
require("common").member_query("leaderboard")
