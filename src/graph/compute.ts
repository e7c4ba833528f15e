/** Compute from the inventories as nodes, each with a `runs-as` edge to the role it runs as. */
import { COMPUTE_KINDS, rolesOfCompute } from '../model/compute.ts';
import type { ComputeResource } from '../model/types.ts';
import { shortName } from '../policy/arn.ts';
import { addEdge, ensureNode, noteOf, type BuildContext } from './context.ts';

/** `function:app-api`, `instance/i-0abc`: the resource part of its ARN. */
export const computeLabel = (resource: ComputeResource): string => resource.arn.split(':').slice(5).join(':') || resource.name;

export function addCompute(ctx: BuildContext): void {
  const { model, graph } = ctx;
  for (const resource of Object.values(model.compute)) {
    const roles = rolesOfCompute(model, resource).filter((r) => graph.hasNode(r));
    if (roles.length === 0) continue;
    const info = COMPUTE_KINDS[resource.kind];
    const details = { compute: info.label, region: resource.region, runsAs: roles, ...(resource.state ? { state: resource.state } : {}), ...(resource.via ? { via: resource.via } : {}) };
    if (graph.hasNode(resource.arn)) graph.updateNodeAttribute(resource.arn, 'details', (d) => ({ ...d, ...details }));
    else ensureNode(graph, resource.arn, { kind: 'resource', label: computeLabel(resource), arn: resource.arn, accountId: resource.accountId, details });
    const through = resource.via ? ` through ${shortName(resource.via)}` : '';
    const from = resource.source ? ` (${resource.source.file})` : '';
    for (const role of roles) {
      addEdge(ctx, resource.arn, role, { kind: 'runs-as', evidence: [noteOf(resource.arn, `${info.label} ${resource.name} in ${resource.region} runs as ${shortName(role)}${through}, per the inventory${from}`)], conditions: [], conditional: false });
    }
  }
}
