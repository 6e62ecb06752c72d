-- Signs members in through the fake WeChat (code dev-m<id>) and appends "memberId token" lines to
-- BENCH_TOKENS_OUT. Members BENCH_FROM .. BENCH_FROM + BENCH_COUNT - 1; run it with -t 1 and stop
-- it when the file has BENCH_COUNT lines (scripts/bench does), or let -d bound it.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/lua/?.lua;" .. package.path
local c = require("common")
local document, from, count, out, i

function setup(thread) c.setup(thread) end

function init(args)
  document = c.document("login")
  from = tonumber(os.getenv("BENCH_FROM") or "1")
  count = tonumber(os.getenv("BENCH_COUNT") or "1000")
  out = assert(io.open(os.getenv("BENCH_TOKENS_OUT"), "a"))
  out:setvbuf("line")
  i = 0
end

function request()
  local id = from + i % count
  i = i + 1
  return wrk.format("POST", "/graphql", c.headers(nil), c.body(document, '{"code":"dev-m' .. id .. '"}'))
end

function response(status, headers, body)
  c.response(status, headers, body)
  local token, id = body:match('"accessToken":"([^"]+)".-"id":"(%d+)"')
  if token then out:write(id, " ", token, "\n") end
end

done = c.done
