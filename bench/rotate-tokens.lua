-- wrk script for bench/run.sh: every request carries the next bearer token from $BENCH_TOKENS (one JWT a line).
-- Each wrk thread walks the list with its own offset and a stride of $BENCH_THREADS, so threads never send the same
-- token at the same position: with a list longer than the run, every request is a different user ("cold").
-- $BENCH_START (default 0) is where in the list the walk begins: the cache fill's rounds go on where the last stopped.
-- done() prints one RESULT line that run.sh parses (latencies in microseconds).

local tokens = {}
local counter = 0
local stride = 1
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  stride = tonumber(os.getenv("BENCH_THREADS") or "1")
  counter = (id or 0) + tonumber(os.getenv("BENCH_START") or "0")
end

function request()
  local token = tokens[(counter % #tokens) + 1]
  counter = counter + stride
  return wrk.format(nil, nil, { ["Authorization"] = "Bearer " .. token })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d status_errors=%d socket_errors=%d timeouts=%d p50_us=%d p99_us=%d p999_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write, e.timeout,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max))
end
