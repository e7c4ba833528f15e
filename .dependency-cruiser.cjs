/**
 * The import rules of ../shared/DESIGN.md, checked in `npm test` (dependency-cruiser):
 * data flows ingest → model → policy-using layers → graph → analysis → outputs, and imports only
 * run back against that flow. `src/errors.ts` (the shared UserError) and `src/xml.ts` (what XML
 * 1.0 can carry, for every XML writer) and `src/package-root.ts` (files shipped with the package)
 * may be imported by anyone.
 *
 *   src/policy    the leaf: only itself
 *   src/model     policy
 *   ingest/       model, policy
 *   src/access    model, policy
 *   src/graph     access, model, policy
 *   src/analysis  graph, access, model, policy
 *   src/report, src/export, src/neo4j   analysis and below; not each other
 *   viz/          analysis and below, and the report's types, escaping and CSP
 *   src/cli, bench/   anything
 */
const shared = '^src/(errors|xml|package-root)[.]ts$';
const layers = {
  policy: [],
  model: ['policy'],
  access: ['model', 'policy'],
  graph: ['access', 'model', 'policy'],
  analysis: ['graph', 'access', 'model', 'policy'],
  report: ['analysis', 'graph', 'access', 'model', 'policy'],
  export: ['analysis', 'graph', 'access', 'model', 'policy'],
  neo4j: ['analysis', 'graph', 'access', 'model', 'policy'],
};

const own = (layer) => `^src/${layer}/`;
const allowed = (paths) => `(${[shared, ...paths].join('|')})`;

const forbidden = [
  ...Object.entries(layers).map(([layer, below]) => ({
    name: `${layer}-imports-only-below`,
    comment: `src/${layer} may import only ${below.length ? below.map((l) => `src/${l}`).join(', ') : 'itself'}`,
    severity: 'error',
    from: { path: own(layer) },
    to: { path: '^(src|ingest|viz|bench|test)/', pathNot: allowed([own(layer), ...below.map(own)]) },
  })),
  {
    name: 'ingest-imports-only-model-and-policy',
    comment: 'ingest/ builds the model: it may import src/model and src/policy only',
    severity: 'error',
    from: { path: '^ingest/' },
    to: { path: '^(src|viz|bench|test)/', pathNot: allowed(['^ingest/', own('model'), own('policy')]) },
  },
  {
    name: 'viz-imports-analysis-and-below',
    comment: 'viz/ draws the graph and the paths: analysis and below, and the report\'s types and escaping',
    severity: 'error',
    from: { path: '^viz/' },
    to: { path: '^(src|ingest|bench|test)/', pathNot: allowed(['^viz/', ...['analysis', 'graph', 'access', 'model', 'policy'].map(own), '^src/report/types[.]ts$', '^src/report/render/(escape|html-data|csp)[.]ts$']) },
  },
  {
    name: 'nothing-imports-the-cli',
    comment: 'src/cli only wires the layers; no layer depends on it',
    severity: 'error',
    from: { pathNot: '^(src/cli|bench|test|bin)/' },
    to: { path: '^src/cli/' },
  },
  {
    name: 'no-command-imports-another',
    comment: 'a command module is wired from commands/index.ts only',
    severity: 'error',
    from: { path: '^src/cli/commands/(?!index[.]ts$)' },
    to: { path: '^src/cli/commands/(?!index[.]ts$)' },
  },
  {
    name: 'no-cycles',
    severity: 'error',
    from: {},
    to: { circular: true },
  },
  {
    name: 'no-tests-from-code',
    severity: 'error',
    from: { path: '^(src|ingest|viz)/' },
    to: { path: '^test/' },
  },
];

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^viz/dist/' },
  },
};
