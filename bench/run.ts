/**
 * `npm run bench`: every benchmark, printed as a Markdown table for the README.
 */
import { runEngineBench } from './engine.ts';

const engine = runEngineBench(3);
const rows: Array<[string, string]> = [
  ['policy engine, one core', `${engine.decisionsPerSecond.toLocaleString('en-US')} decisions/s (${engine.requests} distinct requests over a mixed policy set: managed-style wildcards, NotAction, conditional Deny, policy variables, boundary, 2 SCP levels, bucket policy)`],
];
console.log('| benchmark | result |\n| --- | --- |');
for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);
console.log(`\nnode ${process.version}, ${process.platform}/${process.arch}`);
