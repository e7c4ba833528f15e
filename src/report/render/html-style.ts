/** The HTML report's stylesheet (static: no input data goes into it). */

export const HTML_STYLE = `
:root { --bg: #ffffff; --fg: #1d2330; --muted: #5b6475; --line: #d9dee8; --critical: #b3122e; --high: #d9480f; --medium: #c99400; --low: #2b6cb0; --info: #637083; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
header { padding: 20px 28px; background: #1d2330; color: #fff; }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 0; color: #c9d1e0; }
main { padding: 20px 28px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin-bottom: 18px; }
.card { min-width: 110px; padding: 10px 14px; border-radius: 8px; color: #fff; }
.card b { display: block; font-size: 26px; }
.sev-critical { background: var(--critical); } .sev-high { background: var(--high); } .sev-medium { background: var(--medium); }
.sev-low { background: var(--low); } .sev-info { background: var(--info); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 12px; font-weight: 600; }
.filters { display: flex; gap: 14px; flex-wrap: wrap; align-items: center; padding: 10px 0; border-bottom: 1px solid var(--line); margin-bottom: 10px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
details.finding { border: 1px solid var(--line); border-radius: 8px; margin: 10px 0; padding: 8px 12px; }
details.finding > summary { cursor: pointer; font-weight: 600; }
.path { margin: 10px 0 14px; padding: 8px 10px; background: #f5f7fb; border-radius: 6px; }
.hop-row { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.4fr) minmax(0, 1fr); align-items: center; gap: 4px 10px; margin: 6px 0; }
.hop-row > .via { color: var(--muted); font-size: 12px; font-weight: 600; text-align: center; overflow-wrap: anywhere; }
.hop-row > ul.evidence { grid-column: 1 / -1; }
.node { justify-self: start; max-width: 100%; padding: 4px 8px; border-radius: 6px; background: #fff; border: 1px solid #9aa6bd; font-family: ui-monospace, monospace; font-size: 12px; overflow-wrap: anywhere; }
.node.admin { background: var(--critical); color: #fff; border-color: var(--critical); }
.path > .final { color: var(--muted); font-size: 12px; margin-top: 4px; }
ul.evidence { margin: 4px 0 0 18px; padding: 0; color: var(--muted); font-size: 12px; }
.empty { padding: 10px 0; font-weight: 600; }
.muted { color: var(--muted); }
iframe.viewer { width: 100%; height: 640px; border: 1px solid var(--line); border-radius: 8px; }
[hidden] { display: none !important; }
`;
