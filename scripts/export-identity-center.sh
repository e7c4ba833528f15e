#!/usr/bin/env bash
# Writes IAM Identity Center permission sets, account assignments and the identity store's users,
# groups and memberships, in the shape `iamgraph -i` reads. Needs the AWS CLI and jq.
#   scripts/export-identity-center.sh > identity-center.json
set -euo pipefail
instance=$(aws sso-admin list-instances --query 'Instances[0]')
arn=$(jq -r .InstanceArn <<<"$instance"); store=$(jq -r .IdentityStoreId <<<"$instance")
owner=$(jq -r '.OwnerAccountId // empty' <<<"$instance")
sets='[]'; assignments='[]'
for ps in $(aws sso-admin list-permission-sets --instance-arn "$arn" --query 'PermissionSets[]' --output text); do
  desc=$(aws sso-admin describe-permission-set --instance-arn "$arn" --permission-set-arn "$ps" --query 'PermissionSet')
  inline=$(aws sso-admin get-inline-policy-for-permission-set --instance-arn "$arn" --permission-set-arn "$ps" --query 'InlinePolicy')
  managed=$(aws sso-admin list-managed-policies-in-permission-set --instance-arn "$arn" --permission-set-arn "$ps" --query 'AttachedManagedPolicies')
  boundary=$(aws sso-admin get-permissions-boundary-for-permission-set --instance-arn "$arn" --permission-set-arn "$ps" --query 'PermissionsBoundary' 2>/dev/null || echo null)
  sets=$(jq -c --argjson d "$desc" --argjson i "$inline" --argjson m "$managed" --argjson b "$boundary" \
    '. + [$d + {InlinePolicy: $i, AttachedManagedPolicies: $m} + (if $b then {PermissionsBoundary: $b} else {} end)]' <<<"$sets")
  for account in $(aws sso-admin list-accounts-for-provisioned-permission-set --instance-arn "$arn" --permission-set-arn "$ps" --query 'AccountIds[]' --output text); do
    found=$(aws sso-admin list-account-assignments --instance-arn "$arn" --account-id "$account" --permission-set-arn "$ps" --query 'AccountAssignments')
    assignments=$(jq -c --argjson a "$found" '. + $a' <<<"$assignments")
  done
done
users=$(aws identitystore list-users --identity-store-id "$store" --query 'Users')
groups=$(aws identitystore list-groups --identity-store-id "$store" --query 'Groups')
memberships='[]'
for group in $(jq -r '.[].GroupId' <<<"$groups"); do
  found=$(aws identitystore list-group-memberships --identity-store-id "$store" --group-id "$group" --query 'GroupMemberships')
  memberships=$(jq -c --argjson m "$found" '. + $m' <<<"$memberships")
done
jq -n --arg arn "$arn" --arg store "$store" --arg owner "$owner" --argjson sets "$sets" --argjson assignments "$assignments" \
  --argjson users "$users" --argjson groups "$groups" --argjson memberships "$memberships" \
  '{InstanceArn: $arn, IdentityStoreId: $store, PermissionSets: $sets, AccountAssignments: $assignments, Users: $users, Groups: $groups, GroupMemberships: $memberships} + (if $owner != "" then {OwnerAccountId: $owner} else {} end)'
