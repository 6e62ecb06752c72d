-- Write: flash drops in a row. Members claim one hot coupon (stock 5 000, one each) until it is sold
-- out, then the next drop's coupon: BENCH_COUPONS, fresh templates of this run, comma separated. So
-- nearly every request is a real claim; the few COUPON_OUT_OF_STOCK are the claims in flight when a
-- drop sold out. Each member (token) claims each coupon at most once.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
local c = require("common")
local tokens, document, coupons, run, i, current

function setup(thread) c.setup(thread) end

function init(args)
  tokens = c.tokens(thread_id, tonumber(os.getenv("BENCH_THREADS") or "1"))
  document = c.document("claimCoupon")
  coupons = {}
  for id in (os.getenv("BENCH_COUPONS") or "1001"):gmatch("%d+") do coupons[#coupons + 1] = id end
  run = os.getenv("BENCH_RUN") or "run"
  i = 0
  current = 1
end

function request()
  i = i + 1
  local t = tokens[(i - 1) % #tokens + 1]
  local coupon = coupons[current]
  local vars = '{"templateId":"' .. coupon .. '","key":"' .. run .. '-' .. coupon .. '-' .. t.id .. '"}'
  return wrk.format("POST", "/graphql", c.headers(t.token), c.body(document, vars))
end

-- After a drop sells out, the claims already in flight for it (one per connection) come back
-- COUPON_OUT_OF_STOCK too: only the first moves on, the next BENCH_CONNECTIONS answers are not
-- counted as the next drop selling out (they would skip drops that still had stock).
local in_flight = tonumber(os.getenv("CONNECTIONS") or os.getenv("BENCH_CONNECTIONS") or "32")
local ignore = 0

function response(status, headers, body)
  c.response(status, headers, body)
  if ignore > 0 then
    ignore = ignore - 1
  elseif current < #coupons and body:find('COUPON_OUT_OF_STOCK', 1, true) then
    current = current + 1
    ignore = in_flight
  end
end

done = c.done
