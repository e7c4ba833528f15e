#!/usr/bin/env bash
# The action's install step: IAMGRAPH_PACKAGE (an npm spec or a tarball) or, when empty, the
# action's own checkout (IAMGRAPH_ACTION_PATH), built and packed as npm would publish it.
set -euo pipefail
spec="${IAMGRAPH_PACKAGE:-}"
if [ -z "$spec" ]; then
  dir="${IAMGRAPH_ACTION_PATH:?IAMGRAPH_ACTION_PATH is not set}"
  out="$(mktemp -d)"
  (cd "$dir" && npm ci --no-audit --no-fund && npm pack --pack-destination "$out" >/dev/null)
  spec="$(ls "$out"/iamgraph-*.tgz)"
fi
npm install -g --no-audit --no-fund "$spec"
iamgraph --version
