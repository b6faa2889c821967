#!/usr/bin/env bash
# Lighthouse (mobile preset) against the built site on a local server: the home page and the contrast table.
#
#   bench/lighthouse.sh            build the site, serve it on 127.0.0.1, print each page's four scores
#
# Lighthouse is ~185 MB with its dependencies, too heavy for every test run and every contributor, so it is not
# in package.json: this script installs the pinned version once into .cache/lighthouse (git-ignored) with npm,
# and drives Debian's Chromium (CHROME_PATH). Reports land in bench/results/lighthouse-*.json (git-ignored).
# Exits 1 when a score is below its target: performance 95, accessibility / best practices / SEO 100.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

LIGHTHOUSE_VERSION=12.8.2
PREFIX=.cache/lighthouse
BIN="$PREFIX/node_modules/.bin/lighthouse"
PORT=${PORT:-8765}
PAGES=("" "contrast/")

if [ ! -x "$BIN" ] || [ "$("$BIN" --version)" != "$LIGHTHOUSE_VERSION" ]; then
    echo "==> installing lighthouse@$LIGHTHOUSE_VERSION into $PREFIX" >&2
    mkdir -p "$PREFIX"
    npm install --prefix "$PREFIX" --no-audit --no-fund --loglevel=error --save-exact \
        "lighthouse@$LIGHTHOUSE_VERSION" >&2
fi

./dev build >&2
OUT=$(mktemp -d)
cp -r site "$OUT/explainer"
.venv/bin/python bench/static_server.py "$OUT" "$PORT" &
SERVER=$!
trap 'kill "$SERVER"; rm -rf "$OUT"' EXIT
for _ in $(seq 50); do
    curl -sf "http://127.0.0.1:$PORT/explainer/" >/dev/null && break
    sleep 0.1
done

mkdir -p bench/results
status=0
for path in "${PAGES[@]}"; do
    name=${path%/}
    report="bench/results/lighthouse-${name:-home}.json"
    CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} "$BIN" "http://127.0.0.1:$PORT/explainer/$path" \
        --quiet --output=json --output-path="$report" --form-factor=mobile \
        --only-categories=performance,accessibility,best-practices,seo \
        --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
    node -e '
        const report = require(process.argv[1]);
        const targets = {performance: 95, accessibility: 100, "best-practices": 100, seo: 100};
        let failed = false;
        const scores = Object.entries(targets).map(([id, target]) => {
            const score = Math.round(report.categories[id].score * 100);
            if (score < target) failed = true;
            return `${id} ${score}${score < target ? ` (< ${target})` : ""}`;
        });
        console.log(`/${process.argv[2]}: ${scores.join(", ")}`);
        for (const audit of Object.values(report.audits)) {
            if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === "binary") {
                console.log(`    failed audit: ${audit.id}: ${audit.title}`);
            }
        }
        process.exit(failed ? 1 : 0);
    ' "$PWD/$report" "$path" || status=1
done
exit $status
