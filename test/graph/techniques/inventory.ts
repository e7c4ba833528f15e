/**
 * Inventories beside a GAAD export, laid out as scripts/export-inventory.sh writes them
 * (`<account>/<region>/<call>.json`, `<account>/regions.json`), loaded through the real ingest.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadInputs } from '../../../ingest/index.ts';
import { buildGraph, type AccessGraph } from '../../../src/graph/index.ts';
import type { AccountModel } from '../../../src/model/index.ts';
import { gaadDocument, type GaadSpec } from './gaad.ts';

/** path under the inventory folder → the document the AWS CLI prints there. */
export type InventoryFiles = Record<string, unknown>;

export async function loadWithInventory(spec: GaadSpec, files: InventoryFiles): Promise<{ model: AccountModel; graph: AccessGraph; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'iamgraph-inventory-'));
  writeFileSync(join(dir, 'gaad.json'), `${JSON.stringify(gaadDocument(spec), null, 4)}\n`);
  for (const [path, document] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'inventory', path)), { recursive: true });
    writeFileSync(join(dir, 'inventory', path), typeof document === 'string' ? document : `${JSON.stringify(document, null, 4)}\n`);
  }
  const { model, errors } = await loadInputs([dir]);
  if (errors.length) throw new Error(`inventory fixture rejected: ${errors.map((e) => `${e.file} ${e.pointer}: ${e.message}`).join('; ')}`);
  return { model, graph: buildGraph(model), dir };
}

/** `aws ec2 describe-regions` for these regions. */
export const describeRegions = (...regions: string[]) => ({
  Regions: regions.map((r) => ({ Endpoint: `ec2.${r}.amazonaws.com`, RegionName: r, OptInStatus: 'opt-in-not-required' })),
});

/** One function as `aws lambda list-functions` prints it. */
export const lambdaFunction = (name: string, role: string, region = 'us-east-1', account = '111122223333') => ({
  FunctionName: name,
  FunctionArn: `arn:aws:lambda:${region}:${account}:function:${name}`,
  Runtime: 'python3.12',
  Role: role,
  Handler: 'app.handler',
  CodeSize: 1024,
  Description: '',
  Timeout: 30,
  MemorySize: 128,
  LastModified: '2026-06-01T10:00:00.000+0000',
  CodeSha256: 'hWcEe1xAzdJ2J7d7s3sVb4KHw+bxp3a3vPu9mWfU3lA=',
  Version: '$LATEST',
  TracingConfig: { Mode: 'PassThrough' },
  RevisionId: '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
  PackageType: 'Zip',
  Architectures: ['x86_64'],
  EphemeralStorage: { Size: 512 },
  LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${name}` },
});

/** One instance as `aws ec2 describe-instances` prints it (within a reservation). */
export const ec2Instance = (id: string, state: string, profile?: string, zone = 'us-east-1a') => ({
  AmiLaunchIndex: 0,
  ImageId: 'ami-0abcdef1234567890',
  InstanceId: id,
  InstanceType: 't3.micro',
  LaunchTime: '2026-05-01T08:00:00+00:00',
  Monitoring: { State: 'disabled' },
  Placement: { AvailabilityZone: zone, GroupName: '', Tenancy: 'default' },
  PrivateDnsName: 'ip-10-0-0-10.ec2.internal',
  PrivateIpAddress: '10.0.0.10',
  ProductCodes: [],
  State: { Code: state === 'running' ? 16 : 80, Name: state },
  SubnetId: 'subnet-0123456789abcdef0',
  VpcId: 'vpc-0123456789abcdef0',
  Architecture: 'x86_64',
  ...(profile ? { IamInstanceProfile: { Arn: profile, Id: 'AIPAEXAMPLE0000000000' } } : {}),
  SecurityGroups: [{ GroupName: 'default', GroupId: 'sg-0123456789abcdef0' }],
  Tags: [{ Key: 'Name', Value: id }],
});
