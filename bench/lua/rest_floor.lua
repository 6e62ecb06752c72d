-- Ceiling of the HTTP stack: GET /bench/floor (bench profile) checks the member's token and answers a constant.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
require("common").member_get("/bench/floor")
