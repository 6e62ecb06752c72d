-- Hot read: me with tier, tierProgress and pointsBalance, members taken round-robin from the token file.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
require("common").member_query("me")
