// Renders Tally's verification report in the webview from the results the extension sends.
// Builds DOM nodes (never HTML strings), so text from the paper cannot inject markup.
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('report');
  const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' };
  let rules = [];

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) node.append(c instanceof Node ? c : String(c));
    return node;
  }

  function fileName(uri) {
    try {
      return decodeURIComponent(uri.split('/').pop());
    } catch {
      return uri;
    }
  }

  function location(range) {
    if (range.page !== undefined) return `${fileName(range.uri)} p. ${range.page}, line ${range.start.line + 1}`;
    return `${fileName(range.uri)}:${range.start.line + 1}:${range.start.character + 1}`;
  }

  function ruleTitle(kind) {
    return rules.find((r) => r.id === kind)?.title ?? kind;
  }

  function counts(findings) {
    const c = { error: 0, warning: 0, info: 0, model: 0 };
    for (const f of findings) {
      c[f.severity]++;
      if (f.origin === 'model') c.model++;
    }
    return c;
  }

  function groupBy(items, key) {
    const map = new Map();
    for (const item of items) {
      const k = key(item);
      if (!map.has(k)) map.set(k, []);
      map.get(k).push(item);
    }
    return map;
  }

  function finding(f) {
    return el('li', { class: `finding sev-${f.severity}` },
      el('div', { class: 'head' },
        el('span', { class: `badge sev-${f.severity}` }, SEVERITY_LABEL[f.severity] ?? f.severity),
        el('span', { class: `badge origin-${f.origin}`, title: f.origin === 'model' ? 'Found by the model review' : 'Recomputed by Tally' }, f.origin === 'model' ? (f.confirmed ? 'model · confirmed' : 'model') : 'deterministic'),
        el('a', { href: '#', class: 'loc', onclick: (e) => { e.preventDefault(); vscode.postMessage({ type: 'reveal', finding: f }); } }, location(f.range)),
      ),
      el('p', { class: 'message' }, f.message),
      el('dl', {},
        el('dt', {}, 'As written'), el('dd', {}, el('code', {}, f.claim)),
        f.reported !== undefined && [el('dt', {}, 'Reported'), el('dd', {}, el('code', {}, f.reported))],
        f.recomputed !== undefined && [el('dt', {}, 'Recomputed'), el('dd', {}, el('code', {}, f.recomputed))],
        f.working && [el('dt', {}, 'Working'), el('dd', {}, el('code', {}, f.working))],
        f.suggestion !== undefined && [el('dt', {}, 'Suggested'), el('dd', {}, el('code', {}, f.suggestion))],
        f.confidence !== undefined && [el('dt', {}, 'Model confidence'), el('dd', {}, `${Math.round(f.confidence * 100)}%`)],
      ),
      f.explanation && el('p', { class: 'explanation' }, f.explanation),
    );
  }

  function result(r) {
    const c = counts(r.findings);
    const section = el('section', { class: 'paper' },
      el('h2', {}, fileName(r.uri)),
      el('p', { class: 'counts' },
        el('span', { class: 'count sev-error' }, `${c.error} error(s)`), ' · ',
        el('span', { class: 'count sev-warning' }, `${c.warning} warning(s)`), ' · ',
        el('span', { class: 'count sev-info' }, `${c.info} note(s)`), ' · ',
        `${c.model} from the model review`, ' · ',
        `${r.verified.length} claim(s) consistent`,
        r.suppressedCount ? ` · ${r.suppressedCount} hidden by ignore comments or the ignore list` : '',
      ),
    );
    if (!r.findings.length) section.append(el('p', { class: 'ok' }, 'No inconsistencies found.'));
    for (const [title, inSection] of groupBy(r.findings, (f) => f.section || '(before the first section)')) {
      const s = el('div', { class: 'section' }, el('h3', {}, title));
      for (const [kind, ofKind] of groupBy(inSection, (f) => f.kind)) {
        s.append(el('h4', {}, `${ruleTitle(kind)} (${ofKind.length})`), el('ul', { class: 'findings' }, ofKind.map(finding)));
      }
      section.append(s);
    }
    if (r.verified.length) {
      section.append(el('details', { class: 'verified' },
        el('summary', {}, `Claims checked and found consistent (${r.verified.length})`),
        el('ul', {}, r.verified.map((v) => el('li', {},
          el('span', { class: 'kind' }, ruleTitle(v.kind)), ' ', el('code', {}, v.claim), ' — ', el('code', {}, v.working), ' ', el('span', { class: 'muted' }, location(v.range)))))));
    }
    if (r.notes.length) {
      section.append(el('details', { class: 'notes' },
        el('summary', {}, `Notes (${r.notes.length})`),
        el('ul', {}, r.notes.map((n) => el('li', { class: `note-${n.level}` }, n.message)))));
    }
    return section;
  }

  function render(results, scope) {
    root.replaceChildren();
    if (!results.length) {
      root.append(el('p', { class: 'muted' }, scope === 'file' ? 'This file has not been checked yet. Run "Tally: Check Current Document".' : 'Nothing has been checked yet. Open a .tex or .pdf file, or run "Tally: Check Workspace".'));
      return;
    }
    const all = results.flatMap((r) => r.findings);
    const c = counts(all);
    const byKind = groupBy(all, (f) => f.kind);
    root.append(el('section', { class: 'summary' },
      el('p', {}, `${results.length} paper(s) checked: ${c.error} error(s), ${c.warning} warning(s), ${c.info} note(s); ${results.reduce((n, r) => n + r.verified.length, 0)} claim(s) consistent.`),
      byKind.size ? el('table', { class: 'kinds' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Check'), el('th', {}, 'Findings'))),
        el('tbody', {}, [...byKind].map(([k, list]) => el('tr', {}, el('td', {}, ruleTitle(k)), el('td', {}, String(list.length)))))) : null,
    ));
    for (const r of results) root.append(result(r));
  }

  for (const b of document.querySelectorAll('button[data-format]')) b.addEventListener('click', () => vscode.postMessage({ type: 'export', format: b.dataset.format }));
  document.getElementById('refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m?.type === 'results') {
      rules = m.rules ?? [];
      render(m.results, m.scope);
    } else if (m?.type === 'error') {
      root.replaceChildren(el('p', { class: 'error' }, m.message));
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
