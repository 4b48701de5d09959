-- wrk script: GET /healthz at the same pacing as serve_load.lua, to measure what the HTTP stack
-- and the load generator cost on this machine without any decision.
local delay_ms = tonumber(os.getenv("BULWARK_DELAY_MS") or "0")

local exponential = os.getenv("BULWARK_DELAY_DIST") == "exp"
delay = function()
  if exponential then return -delay_ms * math.log(1 - math.random()) end
  return delay_ms
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, p50 %.2f ms, p99 %.2f ms, %.0f req/s\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
