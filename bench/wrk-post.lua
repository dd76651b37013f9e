-- wrk script: POST a sample result (flagged sample: true) to a random commitment w0..w99999
math.randomseed(7)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local body = '{"value":' .. math.random(0, 200) .. ',"asOf":"2026-11-01","reportedBy":"bench","note":"load run","sample":true}'
  return wrk.format("POST", "/api/commitments/w" .. math.random(0, 99999) .. "/results", nil, body)
end
