-- Ceiling of GraphQL: a signed-in member asks { __typename }, which no service, database or Redis answers.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
require("common").member_query("floor")
