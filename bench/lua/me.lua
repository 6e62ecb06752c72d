-- Hot read: me with tier, tierProgress and pointsBalance, members taken round-robin from the token file.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
local c = require("common")
local tokens, body, i

function setup(thread) c.setup(thread) end

function init(args)
  tokens = c.tokens()
  body = c.body(c.document("me"))
  i = thread_id * 7919
end

function request()
  i = i + 1
  return wrk.format("POST", "/graphql", c.headers(tokens[i % #tokens + 1].token), body)
end

response = c.response
done = c.done
