-- Baseline of me: GET /bench/me (bench profile), the same services without GraphQL.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
local c = require("common")
local tokens, i

function setup(thread) c.setup(thread) end

function init(args)
  tokens = c.tokens()
  i = thread_id * 7919
end

function request()
  i = i + 1
  return wrk.format("GET", "/bench/me", c.headers(tokens[i % #tokens + 1].token))
end

response = c.response
done = c.done
