-- Read: the brand's monthly points board, top 20, and the member's own rank.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
local c = require("common")
local tokens, body, i

function setup(thread) c.setup(thread) end

function init(args)
  tokens = c.tokens()
  body = c.body(c.document("leaderboard"))
  i = thread_id * 7919
end

function request()
  i = i + 1
  return wrk.format("POST", "/graphql", c.headers(tokens[i % #tokens + 1].token), body)
end

response = c.response
done = c.done
