#!/usr/bin/env bash
# Every test: lint, types, unit + integration (real PostgreSQL), then the production
# build and the end-to-end tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
echo "== lint (ESLint with type information, Prettier --check)"
npm run lint
echo "== typecheck"
npx tsc --noEmit -p .
echo "== unit + integration tests"
npx vitest run
echo "== production build (stamped, so the e2e run's npm start does not build again)"
npm run build
echo "== fault tests (PostgreSQL restart under load, graceful shutdown; use the build above)"
npm run test:fault
echo "== end-to-end tests"
npx playwright test
