#!/usr/bin/env bash
# Writes the compute that runs as a role, one AWS CLI output per call, per region, in the layout
# `iamgraph -i` reads: <out>/<account>/regions.json and <out>/<account>/<region>/<call>.json.
# A listing of every enabled region makes absence a fact (no function there → no hop through one).
# Needs the AWS CLI v2 and jq; read-only calls (the ReadOnlyAccess policy covers them).
#   scripts/export-inventory.sh inventory/        then: iamgraph report -i gaad.json -i inventory/
set -euo pipefail
out="${1:-inventory}"
account=$(aws sts get-caller-identity --query Account --output text)
mkdir -p "$out/$account"
aws ec2 describe-regions --output json > "$out/$account/regions.json"
for region in $(jq -r '.Regions[].RegionName' "$out/$account/regions.json"); do
  dir="$out/$account/$region"
  mkdir -p "$dir"
  r=(--region "$region" --output json)
  # A service not offered in a region fails its call: that listing is then missing, and said so.
  try() { local file="$1"; shift; "$@" "${r[@]}" > "$dir/$file.tmp" 2>/dev/null && mv "$dir/$file.tmp" "$dir/$file" || { rm -f "$dir/$file.tmp"; echo "skipped $region: $*" >&2; }; }
  try lambda-list-functions.json aws lambda list-functions
  try ec2-describe-instances.json aws ec2 describe-instances
  try ec2-describe-iam-instance-profile-associations.json aws ec2 describe-iam-instance-profile-associations
  try cloudformation-describe-stacks.json aws cloudformation describe-stacks
  try glue-get-jobs.json aws glue get-jobs
  try glue-get-dev-endpoints.json aws glue get-dev-endpoints
  try sagemaker-list-notebook-instances.json aws sagemaker list-notebook-instances
  for name in $(jq -r '.NotebookInstances[]?.NotebookInstanceName' "$dir/sagemaker-list-notebook-instances.json" 2>/dev/null); do
    try "sagemaker-describe-notebook-instance-$name.json" aws sagemaker describe-notebook-instance --notebook-instance-name "$name"
  done
  try apprunner-list-services.json aws apprunner list-services
  for arn in $(jq -r '.ServiceSummaryList[]?.ServiceArn' "$dir/apprunner-list-services.json" 2>/dev/null); do
    try "apprunner-describe-service-${arn##*/}.json" aws apprunner describe-service --service-arn "$arn"
  done
  try batch-describe-job-definitions.json aws batch describe-job-definitions --status ACTIVE
  try batch-describe-compute-environments.json aws batch describe-compute-environments
  projects=$(aws codebuild list-projects "${r[@]}" --query 'projects' 2>/dev/null || echo '[]')
  if [ "$(jq length <<<"$projects")" -eq 0 ]; then
    echo '{"projects": [], "projectsNotFound": []}' > "$dir/codebuild-batch-get-projects.json"
  else
    # batch-get-projects takes at most 100 names a call: one file per hundred
    jq -c '[_nwise(100)][]' <<<"$projects" | { i=0; while read -r names; do
      try "codebuild-batch-get-projects-$i.json" aws codebuild batch-get-projects --names $(jq -r '.[]' <<<"$names"); i=$((i + 1)); done; }
  fi
  clusters=$(aws ecs list-clusters "${r[@]}" --query 'clusterArns' 2>/dev/null || echo '[]')
  [ "$(jq length <<<"$clusters")" -eq 0 ] && echo '{"services": [], "failures": []}' > "$dir/ecs-describe-services.json"
  for cluster in $(jq -r '.[]' <<<"$clusters"); do
    services=$(aws ecs list-services --cluster "$cluster" "${r[@]}" --query 'serviceArns')
    # describe-services takes at most 10 services a call
    jq -c '[_nwise(10)][]' <<<"$services" | { i=0; while read -r arns; do
      try "ecs-describe-services-${cluster##*/}-$i.json" aws ecs describe-services --cluster "$cluster" --services $(jq -r '.[]' <<<"$arns"); i=$((i + 1)); done; }
    [ "$(jq length <<<"$services")" -eq 0 ] && echo '{"services": [], "failures": []}' > "$dir/ecs-describe-services-${cluster##*/}.json"
  done
  for td in $(cat "$dir"/ecs-describe-services*.json 2>/dev/null | jq -r '.services[]?.taskDefinition' | sort -u); do
    try "ecs-describe-task-definition-$(tr ':/' '--' <<<"${td##*/}").json" aws ecs describe-task-definition --task-definition "$td"
  done
done
echo "wrote $out/$account" >&2
