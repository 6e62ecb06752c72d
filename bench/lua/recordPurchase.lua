-- Write: a clerk records purchases of random members (two lines each, a new order number each).
-- BENCH_STAFF_TOKEN is the clerk's access token, BENCH_MEMBERS the number of members.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
local c = require("common")
local headers, document, members, run, i

function setup(thread) c.setup(thread) end

function init(args)
  headers = c.headers(os.getenv("BENCH_STAFF_TOKEN"))
  document = c.document("recordPurchase")
  members = tonumber(os.getenv("BENCH_MEMBERS") or "100000")
  run = os.getenv("BENCH_RUN") or "run"
  math.randomseed(os.time() + thread_id * 1000)
  i = 0
end

function purchase_body()
  i = i + 1
  local a, b = math.random(500, 30000), math.random(500, 30000)
  local vars = string.format('{"input":{"memberId":"%d","orderNo":"%s-%d-%d","amountCents":%d,"items":['
    .. '{"sku":"SKU-%d","name":"咖啡豆","category":"咖啡","quantity":1,"unitPriceCents":%d},'
    .. '{"sku":"SKU-%d","name":"马克杯","category":"杯具","quantity":1,"unitPriceCents":%d}]}}',
    math.random(1, members), run, thread_id, i, a + b, math.random(1, 50), a, math.random(51, 99), b)
  return c.body(document, vars)
end

function request()
  return wrk.format("POST", "/graphql", headers, purchase_body())
end

response = c.response
done = c.done
