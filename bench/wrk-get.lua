-- wrk script: GET /api/evaluations/{id} for random ids w0..w99999 (loaded by bench/http-wrk.sh)
math.randomseed(42)
request = function() return wrk.format("GET", "/api/evaluations/w" .. math.random(0, 99999)) end
