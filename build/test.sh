#!/usr/bin/env bash
# npm test: everything CI runs, in order, failing fast on a broken gate.
# install what is missing -> typecheck -> lint -> format -> build -> tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_nodedir=/usr

bash build/install-system-deps.sh
node build/ensure-native.mjs
npm run --silent typecheck
npm run --silent lint
npm run --silent format:check
npm run --silent build
npx vitest run --config test/vitest.config.ts
