/** The HTML report's stylesheet and script: filters, and paths drawn when a finding opens (static: no input data goes into them). */

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
.chain { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 6px; }
.node { padding: 4px 8px; border-radius: 6px; background: #fff; border: 1px solid #9aa6bd; font-family: ui-monospace, monospace; font-size: 12px; }
.node.admin { background: var(--critical); color: #fff; border-color: var(--critical); }
.hop { color: var(--muted); font-size: 12px; padding-top: 4px; }
ul.evidence { margin: 4px 0 0 18px; padding: 0; color: var(--muted); font-size: 12px; }
.muted { color: var(--muted); }
iframe.viewer { width: 100%; height: 640px; border: 1px solid var(--line); border-radius: 8px; }
[hidden] { display: none !important; }
`;

export const HTML_SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  var rows = Array.prototype.slice.call(document.querySelectorAll('[data-finding]'));
  var count = document.getElementById('shown');
  function apply() {
    var sev = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[name=severity]'), function (b) { sev[b.value] = b.checked; });
    var rule = form.querySelector('select[name=rule]').value;
    var text = form.querySelector('input[name=q]').value.toLowerCase();
    var suppressed = form.querySelector('input[name=suppressed]').checked;
    var shown = 0;
    rows.forEach(function (el) {
      var ok = sev[el.getAttribute('data-severity')] &&
        (rule === '' || el.getAttribute('data-rule') === rule) &&
        (text === '' || el.getAttribute('data-text').indexOf(text) >= 0) &&
        (suppressed || el.getAttribute('data-suppressed') !== 'true');
      el.hidden = !ok;
      if (ok && el.tagName === 'TR') shown++;
    });
    count.textContent = String(shown);
  }
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  apply();

  // Paths: drawn from the data block the first time their finding is opened. Text only (textContent).
  var data = null;
  function readData() {
    if (!data) {
      var block = document.getElementById('report-data');
      data = block ? JSON.parse(block.textContent) : { hops: {}, paths: {} };
    }
    return data;
  }
  function make(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function node(key, label) {
    var n = make('span', key === 'admin' ? 'node admin' : 'node', label);
    n.title = key;
    return n;
  }
  function hopEl(hop) {
    var span = make('span', 'hop', '\u2192 ' + hop.via);
    if (hop.items.length) {
      var list = make('ul', 'evidence');
      hop.items.forEach(function (item) {
        var li = make('li', '', item.text);
        if (item.at) {
          li.appendChild(document.createTextNode(' '));
          li.appendChild(make('span', 'mono', item.at));
        }
        list.appendChild(li);
      });
      span.appendChild(list);
    }
    return span;
  }
  function drawPaths(box) {
    var d = readData();
    (d.paths[box.getAttribute('data-paths')] || []).forEach(function (p, i) {
      var head = make('div', 'muted', 'path ' + (i + 1) + ' \u00b7 ' + p.verdict + ' \u00b7 ' + p.hops.length + ' hop' + (p.hops.length === 1 ? '' : 's') + ' \u00b7 ');
      head.appendChild(make('code', '', p.id));
      var chain = make('div', 'chain');
      chain.appendChild(node(p.from, p.fromLabel));
      p.hops.forEach(function (id) {
        var hop = d.hops[id];
        chain.appendChild(hopEl(hop));
        chain.appendChild(node(hop.to, hop.toLabel));
      });
      if (p.final) chain.appendChild(make('span', 'hop', '\u21d2 ' + p.final));
      var path = make('div', 'path');
      path.appendChild(head);
      path.appendChild(chain);
      box.appendChild(path);
    });
    box.removeAttribute('data-paths');
  }
  // toggle does not bubble: listen in the capture phase.
  document.addEventListener('toggle', function (e) {
    var box = e.target.open && e.target.querySelector('[data-paths]');
    if (box) drawPaths(box);
  }, true);
  // A link to a finding (the table, a choke point's cut paths) opens it.
  function openLinked() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.tagName === 'DETAILS') target.open = true;
  }
  window.addEventListener('hashchange', openLinked);
  openLinked();
})();
`;
