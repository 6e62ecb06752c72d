-- Shared by the wrk scenarios: GraphQL documents from bench/graphql, access tokens from the token
-- file, response checks (HTTP status, GraphQL errors, userErrors by code) and one RESULT line.
--
-- Environment: BENCH_DIR (default bench), BENCH_TOKENS (file of "memberId token" lines),
-- BENCH_THREADS (wrk -t, to split single-use tokens between threads), BENCH_RUN (a unique run id),
-- BENCH_EXPECTED (userError codes that are a normal answer here, comma separated).
local M = {}

local dir = os.getenv("BENCH_DIR") or "bench"

function M.read_file(path)
  local f = assert(io.open(path, "r"), "cannot read " .. path)
  local text = f:read("*a")
  f:close()
  return text
end

-- A JSON string literal (without the quotes).
function M.escape(s)
  return (s:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', '\\n'):gsub('\r', ''):gsub('\t', ' '))
end

-- The JSON body of a GraphQL request for document bench/graphql/<name>.graphql.
function M.document(name)
  return M.escape(M.read_file(dir .. "/graphql/" .. name .. ".graphql"))
end

function M.body(document, variables)
  return '{"query":"' .. document .. '","variables":' .. (variables or "{}") .. '}'
end

-- Tokens as {id=, token=}; with thread_id/threads set, only this thread's share (every n-th line).
function M.tokens(thread_id, threads)
  local path = os.getenv("BENCH_TOKENS")
  local list = {}
  if not path then return list end
  local i = 0
  for line in io.lines(path) do
    local id, token = line:match("^(%S+)%s+(%S+)$")
    if id then
      if not threads or i % threads == thread_id - 1 then
        list[#list + 1] = { id = id, token = token }
      end
      i = i + 1
    end
  end
  return list
end

function M.headers(token)
  local h = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
  if token then h["Authorization"] = "Bearer " .. token end
  return h
end

-- Per-thread counters, read by done() through thread:get.
non200 = 0
gql_errors = 0
codes = ""
local code_counts = {}
local expected = {}
for code in (os.getenv("BENCH_EXPECTED") or ""):gmatch("[A-Z_]+") do expected[code] = true end

function M.response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    return
  end
  if body:find('"errors":', 1, true) then
    gql_errors = gql_errors + 1
  end
  -- each userErrors array whole (%b[] balances the brackets: a field path is an array too)
  for list in body:gmatch('"userErrors":(%b[])') do
    for code in list:gmatch('"code":"([A-Z_]+)"') do
      code_counts[code] = (code_counts[code] or 0) + 1
      local parts = {}
      for k, v in pairs(code_counts) do parts[#parts + 1] = k .. ":" .. v end
      codes = table.concat(parts, ",")
    end
  end
end

-- Main-state side: remember threads so done() can read their counters.
local threads = {}
local next_id = 0
function M.setup(thread)
  next_id = next_id + 1
  thread:set("thread_id", next_id)
  threads[#threads + 1] = thread
end

-- Prints one line: RESULT key=value ... (latencies in ms).
function M.done(summary, latency, requests)
  local bad, gql, unexpected = 0, 0, 0
  local totals = {}
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non200") or 0)
    gql = gql + (t:get("gql_errors") or 0)
    for code, n in (t:get("codes") or ""):gmatch("([A-Z_]+):(%d+)") do
      totals[code] = (totals[code] or 0) + tonumber(n)
    end
  end
  local parts = {}
  for code, n in pairs(totals) do
    parts[#parts + 1] = code .. ":" .. n
    if not expected[code] then unexpected = unexpected + n end
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "errors=%d socket_errors=%d http_errors=%d graphql_errors=%d user_errors=%d codes=%s\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, socket + bad + gql + unexpected, socket, bad, gql, unexpected,
    #parts > 0 and table.concat(parts, ",") or "-"))
end

-- Makes the calling script a member read scenario: every request POSTs bench/graphql/<name>.graphql
-- as a member taken round-robin from the token file (defines wrk's callbacks).
function M.member_query(name)
  local tokens, body, i
  setup = M.setup
  init = function(args)
    tokens = M.tokens()
    body = M.body(M.document(name))
    i = thread_id * 7919
  end
  request = function()
    i = i + 1
    return wrk.format("POST", "/graphql", M.headers(tokens[i % #tokens + 1].token), body)
  end
  response = M.response
  done = M.done
end

-- Makes the calling script a plain-REST scenario: every request GETs path as a member taken
-- round-robin from the token file (defines wrk's callbacks).
function M.member_get(path)
  local tokens, i
  setup = M.setup
  init = function(args)
    tokens = M.tokens()
    i = thread_id * 7919
  end
  request = function()
    i = i + 1
    return wrk.format("GET", path, M.headers(tokens[i % #tokens + 1].token))
  end
  response = M.response
  done = M.done
end

return M
