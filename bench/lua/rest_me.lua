-- Baseline of me: GET /bench/me (bench profile), the same services without GraphQL.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
require("common").member_get("/bench/me")
