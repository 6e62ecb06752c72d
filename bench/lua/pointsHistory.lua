-- Read: the first page (20) of a member's points history with total count and balance.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
require("common").member_query("pointsHistory")
