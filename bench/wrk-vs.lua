-- wrk script for bench/versus-sql.sh. Environment: PLANCHECK_TOKEN (an admin's API token), VS_WHAT (evaluation,
-- district, year, asof or post), VS_N (commitments, ids v0..), VS_DISTRICTS (streets vs-s0..). Posts go to commitments of
-- plan year 2025 (ids 3k+2), dated 2025-12-31, flagged sample.
math.randomseed(14)
local what = os.getenv("VS_WHAT")
local n = tonumber(os.getenv("VS_N"))
local districts = tonumber(os.getenv("VS_DISTRICTS"))
wrk.headers["Authorization"] = "Bearer " .. os.getenv("PLANCHECK_TOKEN")
if what == "post" then
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end
request = function()
  if what == "evaluation" then
    return wrk.format("GET", "/api/evaluations/v" .. math.random(0, n - 1))
  elseif what == "district" then
    return wrk.format("GET", "/api/scorecard?district=vs-s" .. math.random(0, districts - 1) .. "&year=2025")
  elseif what == "year" then
    return wrk.format("GET", "/api/scorecard?year=2025")
  elseif what == "asof" then
    return wrk.format("GET", "/api/scorecard?district=vs-q" .. math.random(0, 99) .. "&year=2025&asOf=2025-06-30")
  else
    local body = '{"value":' .. math.random(0, 1300) .. ',"asOf":"2025-12-31","note":"load run","sample":true}'
    return wrk.format("POST", "/api/commitments/v" .. (3 * math.random(0, math.floor(n / 3) - 1) + 2) .. "/results",
      nil, body)
  end
end
