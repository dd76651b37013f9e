#!/usr/bin/env bash
# Reruns the README's examples against a fresh server and prints them with their real output (markdown).
# Usage: docs/examples.sh > /tmp/examples.md   (needs the jar: mvn -q -B package -DskipTests; curl; jq)
# The part before "---- import" is the README's Examples section, the part after it the half-year import example.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(mktemp -d)
PORT=18080
BASE=localhost:$PORT
ADMIN=$(java -jar target/plancheck.jar users add admin --role admin --display-name 系统管理员 --data "$DATA" | tail -1)
java -jar target/plancheck.jar serve --port $PORT --data "$DATA" --no-reference-data >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER; rm -rf "$DATA"' EXIT
until curl -sf $BASE/health >/dev/null; do sleep 0.5; done

# show CMD: prints the command as the reader would type it (tokens shortened to $NAME) and its output
show() {
  local shown="$1"; shift
  echo '```'
  echo "\$ $shown"
  "$@"
  echo
  echo '```'
  echo
}
post_user() {
  curl -s -X POST $BASE/api/users -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d "$1" >/dev/null
}
token_of() {
  curl -s -X POST $BASE/api/tokens -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"name\": \"examples\", \"expires\": \"$(date -d '+30 days' +%F)\", \"user\": \"$1\"}" | jq -r .token
}
post_user '{"login": "fh-planner", "displayName": "凤凰街道党政办", "password": "example-password-1", "roles": [{"role": "planner", "scope": "fenghuang"}]}'
post_user '{"login": "fh-evaluator", "displayName": "凤凰街道统计员", "roles": [{"role": "evaluator", "scope": "fenghuang"}]}'
post_user '{"login": "gm-duban", "displayName": "光明区督查室", "roles": [{"role": "reviewer", "scope": "guangming"}]}'
PLANNER=$(token_of fh-planner); EVALUATOR=$(token_of fh-evaluator); REVIEWER=$(token_of gm-duban)

echo "## Examples"
echo
echo "Real output of \`docs/examples.sh\` on $(date +%F) (so \"today\" is $(date +%F)): a server started as in Run with"
echo "\`--no-reference-data\`, an admin made with \`users add\`, and three users made by the admin: a planner of 凤凰街道"
echo "(\`\$PLANNER\` is their token), its evaluator (\`\$EVALUATOR\`) and a reviewer of 光明区 (\`\$REVIEWER\`)."
echo
echo "Log in (the cookie is for browsers; scripts use tokens):"
echo
show "curl -si -X POST $BASE/api/session -H 'Content-Type: application/json' -d '{\"login\": \"fh-planner\", \"password\": \"example-password-1\"}'" \
  sh -c "curl -si -X POST $BASE/api/session -H 'Content-Type: application/json' -d '{\"login\": \"fh-planner\", \"password\": \"example-password-1\"}' | grep -iv '^\(date\|content-length\|x-\|referrer\|cross-origin\|cache-control\|content-security\)' | sed -E 's/pcs_[A-Za-z0-9_-]+/pcs_…/'"
echo "The planner creates a commitment (from the 凤凰街道 2025 plan, document 003):"
echo
BODY='{"id": "fenghuang-2025-childcare", "district": "fenghuang", "districtName": "凤凰街道", "year": 2025, "category": "民生", "title": "推动新增托位200个以上", "kind": "AT_LEAST", "metric": "childcare_places", "unit": "个", "target": 200, "source": {"document": "003", "section": "二、2025年工作计划", "quote": "推动新增托位200个以上"}}'
show "curl -s -X POST $BASE/api/commitments -H \"Authorization: Bearer \$PLANNER\" -H 'Content-Type: application/json' -d '$BODY'" \
  curl -s -X POST $BASE/api/commitments -H "Authorization: Bearer $PLANNER" -H 'Content-Type: application/json' -d "$BODY"
echo "The evaluator reports a result (120 is made up for the example, hence \`\"sample\": true\`); it is \`SUBMITTED\`, and"
echo "the fresh evaluation warns that it is not reviewed yet:"
echo
RES='{"value": 120, "asOf": "2025-06-30", "note": "made-up figure for this example", "sample": true}'
show "curl -s -X POST $BASE/api/commitments/fenghuang-2025-childcare/results -H \"Authorization: Bearer \$EVALUATOR\" -H 'Content-Type: application/json' -d '$RES'" \
  curl -s -X POST $BASE/api/commitments/fenghuang-2025-childcare/results -H "Authorization: Bearer $EVALUATOR" -H 'Content-Type: application/json' -d "$RES"
echo "The reviewer approves it (the queue is \`GET /api/reviews\`):"
echo
show "curl -s -X POST $BASE/api/results/1/approve -H \"Authorization: Bearer \$REVIEWER\"" \
  curl -s -X POST $BASE/api/results/1/approve -H "Authorization: Bearer $REVIEWER"
echo "Its evaluation as it stood on 2025-06-30 (\`asOf\`; without it: today's, from the live index):"
echo
show "curl -s '$BASE/api/evaluations/fenghuang-2025-childcare?asOf=2025-06-30' -H \"Authorization: Bearer \$REVIEWER\"" \
  curl -s "$BASE/api/evaluations/fenghuang-2025-childcare?asOf=2025-06-30" -H "Authorization: Bearer $REVIEWER"
echo "The scorecard of 光明区 at that date (凤凰街道 counts under it, see \`byDistrict\`):"
echo
show "curl -s '$BASE/api/scorecard?district=guangming&year=2025&asOf=2025-06-30' -H \"Authorization: Bearer \$REVIEWER\"" \
  curl -s "$BASE/api/scorecard?district=guangming&year=2025&asOf=2025-06-30" -H "Authorization: Bearer $REVIEWER"
echo "Who did what, from the audit log:"
echo
show "curl -s '$BASE/api/audit?entity=result' -H \"Authorization: Bearer \$REVIEWER\" | jq -c '.[] | {seq, actor, role, action, entityId}'" \
  sh -c "curl -s '$BASE/api/audit?entity=result' -H 'Authorization: Bearer $REVIEWER' | jq -c '.[] | {seq, actor, role, action, entityId}'"
echo "Refused requests: without a credential, out of scope, and breaking the domain rules (nothing is stored):"
echo
show "curl -s $BASE/api/commitments" curl -s $BASE/api/commitments
show "curl -s '$BASE/api/scorecard?district=guanhu' -H \"Authorization: Bearer \$PLANNER\"" \
  curl -s "$BASE/api/scorecard?district=guanhu" -H "Authorization: Bearer $PLANNER"
BAD='{"district": "fenghuang", "year": 2025, "title": "新增学位", "kind": "AT_LEAST", "deadline": "2024-12-31"}'
show "curl -s -X POST $BASE/api/commitments -H \"Authorization: Bearer \$PLANNER\" -H 'Content-Type: application/json' -d '$BAD'" \
  curl -s -X POST $BASE/api/commitments -H "Authorization: Bearer $PLANNER" -H 'Content-Type: application/json' -d "$BAD"
echo "---- import"
echo
HALF='{"text": "一、2025年上半年工作总结\n新增托位120个。\n二、2025年下半年工作计划\n推动新增托位200个以上。\n成立街道志愿者联合会。", "district": "fenghuang", "document": "fenghuang-2025-h1"}'
ID=$(curl -s $BASE/api/imports -H "Authorization: Bearer $PLANNER" -H 'content-type: application/json' -d "$HALF" | jq -r .id)
echo '```'
echo "\$ curl -s $BASE/api/imports -H \"Authorization: Bearer \$PLANNER\" -H 'content-type: application/json' -d '$HALF' | jq -c '{id, document, district, createdBy, commitments: [.commitments[].quote], results: [.results[].quote]}'"
curl -s $BASE/api/imports/$ID -H "Authorization: Bearer $PLANNER" | jq -c '{id, document, district, createdBy, commitments: [.commitments[].quote], results: [.results[].quote]}'
echo "\$ curl -s $BASE/api/imports/$ID/accept -H \"Authorization: Bearer \$PLANNER\" -H 'content-type: application/json' \\"
echo "    -d '{\"commitments\": [\"c1\", {\"id\": \"c2\", \"owner\": \"凤凰街道党工委\"}], \"results\": [{\"id\": \"r1\", \"asOf\": \"2025-06-30\"}]}'"
curl -s $BASE/api/imports/$ID/accept -H "Authorization: Bearer $PLANNER" -H 'content-type: application/json' -d '{"commitments": ["c1", {"id": "c2", "owner": "凤凰街道党工委"}], "results": [{"id": "r1", "asOf": "2025-06-30"}]}'
echo
echo "\$ curl -s $BASE/api/imports/$ID/accept -H \"Authorization: Bearer \$PLANNER\" -H 'content-type: application/json' \\"
echo "    -d '{\"commitments\": [\"c1\", \"c2\"], \"results\": [\"r1\"]}'"
curl -s $BASE/api/imports/$ID/accept -H "Authorization: Bearer $PLANNER" -H 'content-type: application/json' -d '{"commitments": ["c1", "c2"], "results": ["r1"]}'
echo
echo "\$ curl -si $BASE/api/imports/$ID/accept -H \"Authorization: Bearer \$PLANNER\" -H 'content-type: application/json' \\"
echo "    -d '{\"commitments\": [{\"id\": \"c1\", \"target\": \"250\", \"confidence\": 1}]}'"
curl -si $BASE/api/imports/$ID/accept -H "Authorization: Bearer $PLANNER" -H 'content-type: application/json' -d '{"commitments": [{"id": "c1", "target": "250", "confidence": 1}]}' | grep -iv '^\(date\|content-length\|x-\|referrer\|cross-origin\|cache-control\|content-security\)'
echo
echo '```'
