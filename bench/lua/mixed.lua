-- Mixed load, 80% reads: of every 20 requests, 8 me, 4 pointsHistory, 4 leaderboard,
-- 2 recordPurchase (clerk), 1 checkIn and 1 claimCoupon (members from the token file; repeats
-- answer ALREADY_CHECKED_IN or the coupon already claimed).
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
local c = require("common")
local tokens, staff, me, history, board, checkin, claim, purchase, members, template, run, i
local plan = { "me", "history", "me", "board", "purchase", "me", "history", "me", "board", "checkin",
               "me", "history", "me", "board", "purchase", "me", "history", "me", "board", "claim" }

function setup(thread) c.setup(thread) end

function init(args)
  tokens = c.tokens()
  staff = c.headers(os.getenv("BENCH_STAFF_TOKEN"))
  me = c.body(c.document("me"))
  history = c.body(c.document("pointsHistory"))
  board = c.body(c.document("leaderboard"))
  checkin = c.body(c.document("checkIn"))
  claim = c.document("claimCoupon")
  purchase = c.document("recordPurchase")
  members = tonumber(os.getenv("BENCH_MEMBERS") or "100000")
  template = os.getenv("BENCH_COUPON") or "1"
  run = os.getenv("BENCH_RUN") or "run"
  math.randomseed(os.time() + thread_id * 1000)
  i = thread_id * 7919
end

function request()
  i = i + 1
  local kind = plan[i % #plan + 1]
  local t = tokens[i % #tokens + 1]
  if kind == "purchase" then
    local a = math.random(500, 30000)
    local vars = string.format('{"input":{"memberId":"%d","orderNo":"%s-mix-%d-%d","amountCents":%d,"items":['
      .. '{"sku":"SKU-%d","name":"咖啡豆","category":"咖啡","quantity":1,"unitPriceCents":%d}]}}',
      math.random(1, members), run, thread_id, i, a, math.random(1, 50), a)
    return wrk.format("POST", "/graphql", staff, c.body(purchase, vars))
  elseif kind == "claim" then
    local vars = '{"templateId":"' .. template .. '","key":"' .. run .. '-mix-' .. t.id .. '"}'
    return wrk.format("POST", "/graphql", c.headers(t.token), c.body(claim, vars))
  end
  local body = (kind == "me" and me) or (kind == "history" and history) or (kind == "board" and board) or checkin
  return wrk.format("POST", "/graphql", c.headers(t.token), body)
end

response = c.response
done = c.done
