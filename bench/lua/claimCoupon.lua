-- Write: many members claim the one hot coupon (limited stock, one each); each token once a pass.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
local c = require("common")
local tokens, document, template, run, i

function setup(thread) c.setup(thread) end

function init(args)
  tokens = c.tokens(thread_id, tonumber(os.getenv("BENCH_THREADS") or "1"))
  document = c.document("claimCoupon")
  template = os.getenv("BENCH_COUPON") or "1"
  run = os.getenv("BENCH_RUN") or "run"
  i = 0
end

function request()
  i = i + 1
  local t = tokens[(i - 1) % #tokens + 1]
  local vars = '{"templateId":"' .. template .. '","key":"' .. run .. '-' .. t.id .. '"}'
  return wrk.format("POST", "/graphql", c.headers(t.token), c.body(document, vars))
end

response = c.response
done = c.done
