#!/usr/bin/env bash
# The action's main step (action.yml): a SARIF report of every open finding, then the gate —
# `iamgraph diff` against IAMGRAPH_BASELINE when given (new findings only), else `iamgraph
# report` — written as Markdown and added to the job summary. The gate's exit code (0 or 1) is
# the step output exit-code, checked by the action's last step after the SARIF upload; an input
# or usage error (exit 2) fails this step at once.
set -uo pipefail

inputs=()
while IFS= read -r line; do
  line="${line#"${line%%[![:space:]]*}"}"; line="${line%"${line##*[![:space:]]}"}"
  [ -n "$line" ] && inputs+=(-i "$line")
done <<< "${IAMGRAPH_INPUTS:-}"
if [ "${#inputs[@]}" = 0 ]; then echo "::error::iamgraph: the input 'inputs' names no file or folder"; exit 2; fi

common=("${inputs[@]}")
[ -n "${IAMGRAPH_SUPPRESS:-}" ] && common+=(--suppress "$IAMGRAPH_SUPPRESS")
out="${GITHUB_OUTPUT:-/dev/null}"

sarif="${IAMGRAPH_SARIF_FILE:-}"
if [ -n "$sarif" ]; then
  iamgraph report "${common[@]}" --quiet --format sarif -o "$sarif" || exit $?
  echo "sarif-file=$sarif" >> "$out"
fi

md="${IAMGRAPH_REPORT_FILE:-iamgraph.md}"
gate=()
[ -n "${IAMGRAPH_FAIL_ON:-}" ] && gate=(--fail-on "$IAMGRAPH_FAIL_ON")
if [ -n "${IAMGRAPH_BASELINE:-}" ]; then
  iamgraph diff --baseline "$IAMGRAPH_BASELINE" "${common[@]}" --quiet --format md -o "$md" "${gate[@]}"
else
  iamgraph report "${common[@]}" --quiet --format md -o "$md" "${gate[@]}"
fi
code=$?
if [ "$code" -gt 1 ]; then exit "$code"; fi
echo "report-file=$md" >> "$out"
echo "exit-code=$code" >> "$out"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$md" >> "$GITHUB_STEP_SUMMARY"; fi
exit 0
