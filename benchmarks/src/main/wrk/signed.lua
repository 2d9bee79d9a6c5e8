-- Cycles through pre-signed request paths (wrk's Lua has no cheap MD5) with the same JSON body,
-- and counts answers that are not HTTP 200 with "Code":0.
-- Usage: wrk ... -s signed.lua -- <dir with paths.txt and body.json>
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local dir = args[1]
  paths, n, bad = {}, 0, 0
  for line in io.lines(dir .. "/paths.txt") do
    n = n + 1
    paths[n] = line
  end
  local f = assert(io.open(dir .. "/body.json", "r"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
  -- threads start at different offsets so they do not send the same nonce at once
  i = math.random(n)
end

function request()
  i = i % n + 1
  return wrk.format(nil, paths[i])
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"Code":0,', 1, true) then
    bad = bad + 1
    if bad == 1 then io.stderr:write("first bad answer: " .. status .. " " .. body .. "\n") end
  end
end

function done(summary, latency, requests)
  local nonzero = 0
  for _, t in ipairs(threads) do
    nonzero = nonzero + t:get("bad")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT_WRK rps=%.0f p50_ms=%.2f p99_ms=%.2f requests=%d bad_answers=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests, nonzero,
    e.connect + e.read + e.write + e.timeout))
end
