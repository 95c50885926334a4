-- wrk script: one request per (organization, user) pair of a file, round robin over the file.
-- Set by the suite through the environment: BENCH_PAIRS (file of "org user" lines), BENCH_MODE (check,
-- keycloak-member, members-page, keycloak-members-page), BENCH_TOKEN, BENCH_REALM.
local pairs_file = os.getenv("BENCH_PAIRS")
local mode = os.getenv("BENCH_MODE")
local token = os.getenv("BENCH_TOKEN")
local realm = os.getenv("BENCH_REALM")
local orgs, users = {}, {}
for line in io.lines(pairs_file) do
  local org, user = line:match("(%S+)%s+(%S+)")
  orgs[#orgs + 1] = org
  users[#users + 1] = user
end
local i = 0

function setup(thread)
  thread:set("offset", math.random(#orgs))
end

function init(args)
  i = offset or 0
  wrk.headers["Authorization"] = "Bearer " .. token
  if mode == "check" then
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
  end
end

function request()
  i = i % #orgs + 1
  local org, user = orgs[i], users[i]
  if mode == "check" then
    return wrk.format(nil, "/api/v1/authorization/check", nil,
      '{"userId":"' .. user .. '","organizationId":"' .. org .. '","permission":"device:write","secondFactor":false}')
  elseif mode == "keycloak-member" then
    return wrk.format(nil, "/admin/realms/" .. realm .. "/organizations/" .. org .. "/members/" .. user)
  elseif mode == "members-page" then
    return wrk.format(nil, "/api/v1/organizations/" .. org .. "/members?limit=20")
  else
    return wrk.format(nil, "/admin/realms/" .. realm .. "/organizations/" .. org .. "/members?first=0&max=20")
  end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
