-- Write: today's check-in. Each token is used once per pass: the first pass checks members in
-- (new), later passes (or a second run on the same file) answer ALREADY_CHECKED_IN (duplicate).
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
local c = require("common")
local tokens, body, i

function setup(thread) c.setup(thread) end

function init(args)
  tokens = c.tokens(thread_id, tonumber(os.getenv("BENCH_THREADS") or "1"))
  body = c.body(c.document("checkIn"))
  i = 0
end

function request()
  i = i + 1
  return wrk.format("POST", "/graphql", c.headers(tokens[(i - 1) % #tokens + 1].token), body)
end

response = c.response
done = c.done
