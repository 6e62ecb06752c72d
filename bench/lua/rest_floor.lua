-- Ceiling of the HTTP stack: GET /bench/floor (bench profile) checks the member's token and answers a
-- constant; with BENCH_FLOOR_STATEMENTS=n it first runs n trivial statements through R2DBC (BEGIN,
-- select 1 ..., COMMIT), the ceiling of a request that sends as many statements as a scenario.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
require("common").member_get("/bench/floor?statements=" .. (os.getenv("BENCH_FLOOR_STATEMENTS") or "0"))
