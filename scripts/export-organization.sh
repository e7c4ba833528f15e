#!/usr/bin/env bash
# Writes the organization tree with its SCPs and RCPs, in the shape `iamgraph -i` reads.
# Run with management-account (or delegated administrator) credentials; needs the AWS CLI and jq.
#   scripts/export-organization.sh > organization.json
set -euo pipefail
org=$(aws organizations describe-organization)
roots=$(aws organizations list-roots --query 'Roots')
ous='[]'; accounts='[]'
queue=$(jq -r '.[].Id' <<<"$roots")
while [ -n "$queue" ]; do
  next=''
  for parent in $queue; do
    children=$(aws organizations list-organizational-units-for-parent --parent-id "$parent" --query 'OrganizationalUnits')
    ous=$(jq -c --arg p "$parent" --argjson c "$children" '. + ($c | map(. + {ParentId: $p}))' <<<"$ous")
    members=$(aws organizations list-accounts-for-parent --parent-id "$parent" --query 'Accounts')
    accounts=$(jq -c --arg p "$parent" --argjson c "$members" '. + ($c | map(. + {ParentId: $p}))' <<<"$accounts")
    next="$next $(jq -r '.[].Id' <<<"$children")"
  done
  queue=$(echo $next)
done
policies='[]'
for type in SERVICE_CONTROL_POLICY RESOURCE_CONTROL_POLICY; do
  for id in $(aws organizations list-policies --filter "$type" --query 'Policies[].Id' --output text 2>/dev/null || true); do
    policy=$(aws organizations describe-policy --policy-id "$id" --query 'Policy')
    targets=$(aws organizations list-targets-for-policy --policy-id "$id" --query 'Targets')
    policies=$(jq -c --argjson p "$policy" --argjson t "$targets" '. + [$p + {Targets: $t}]' <<<"$policies")
  done
done
jq -n --argjson org "$org" --argjson roots "$roots" --argjson ous "$ous" --argjson accounts "$accounts" --argjson policies "$policies" \
  '{Organization: $org.Organization, Roots: $roots, OrganizationalUnits: $ous, Accounts: $accounts, Policies: $policies}'
