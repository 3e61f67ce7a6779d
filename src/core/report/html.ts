// The verification report as one standalone HTML document (no scripts, no external resources).
// Colours come from VS Code's theme variables when shown in a webview, with fallbacks elsewhere.

import { ruleFor } from '../rules.ts';
import type { CheckResult, Finding } from '../types.ts';
import { describeLocation, fileName } from './locate.ts';
import type { ReportOptions } from './options.ts';
import { SEVERITY_LABEL, countFindings, groupBySection } from './summary.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const STYLE = `
body { font-family: var(--vscode-font-family, system-ui, sans-serif); color: var(--vscode-foreground, #1f2328); background: var(--vscode-editor-background, #fff); margin: 1.5rem; line-height: 1.45; }
h1 { font-size: 1.5rem; } h2 { border-bottom: 1px solid var(--vscode-panel-border, #d0d7de); padding-bottom: .2rem; }
table { border-collapse: collapse; } td, th { border: 1px solid var(--vscode-panel-border, #d0d7de); padding: .25rem .5rem; text-align: left; vertical-align: top; }
code { font-family: var(--vscode-editor-font-family, monospace); background: var(--vscode-textCodeBlock-background, #f6f8fa); padding: 0 .2rem; }
.finding { border-left: 4px solid; padding: .3rem .7rem; margin: .6rem 0; }
.error { border-color: var(--vscode-editorError-foreground, #d1242f); } .warning { border-color: var(--vscode-editorWarning-foreground, #9a6700); } .info { border-color: var(--vscode-editorInfo-foreground, #0969da); }
.badge { font-size: .8em; border-radius: .6em; padding: 0 .5em; border: 1px solid currentColor; margin-left: .3em; }
.where { color: var(--vscode-descriptionForeground, #59636e); }
dl { display: grid; grid-template-columns: max-content auto; gap: .1rem .8rem; margin: .3rem 0; } dt { font-weight: 600; }
`;

function finding(f: Finding, options: ReportOptions): string {
  const origin = f.origin === 'model' ? (f.confirmed ? 'model · confirmed by recomputation' : 'model') : 'recomputed';
  const rows: [string, string][] = [['Written', `<code>${escapeHtml(f.claim)}</code>`]];
  if (f.recomputed !== undefined) rows.push(['Recomputed', `<code>${escapeHtml(f.recomputed)}</code>`]);
  if (f.working) rows.push(['Working', `<code>${escapeHtml(f.working)}</code>`]);
  if (f.explanation) rows.push(['Why', escapeHtml(f.explanation)]);
  return `<div class="finding ${f.severity}" data-finding-id="${escapeHtml(f.id)}" data-uri="${escapeHtml(f.range.uri)}" data-line="${f.range.start.line}"${f.range.page !== undefined ? ` data-page="${f.range.page}"` : ''}>
<div><strong>${SEVERITY_LABEL[f.severity]}</strong><span class="badge">${escapeHtml(origin)}</span> <span class="where">${escapeHtml(describeLocation(f.range, options.baseUri))}</span></div>
<div>${escapeHtml(f.message)}</div>
<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl></div>`;
}

export function renderHtml(results: readonly CheckResult[], options: ReportOptions = {}): string {
  const title = options.title ?? 'Tally verification report';
  const counts = countFindings(results);
  const findings = results.flatMap((r) => r.findings);
  const body: string[] = [`<h1>${escapeHtml(title)}</h1>`];
  body.push(`<p>Checked: ${results.map((r) => escapeHtml(fileName(r.uri))).join(', ')}</p>`);
  body.push(`<table class="counts"><tr><th>Errors</th><th>Warnings</th><th>Notes</th><th>Verified claims</th><th>Model findings</th></tr><tr><td>${counts.error}</td><td>${counts.warning}</td><td>${counts.info}</td><td>${counts.verified}</td><td>${counts.model}</td></tr></table>`);
  body.push('<h2>Findings</h2>');
  if (findings.length === 0) body.push('<p>No inconsistencies found.</p>');
  for (const group of groupBySection(findings)) {
    body.push(`<h3>${escapeHtml(group.section)}</h3>`);
    for (const kind of group.kinds) {
      body.push(`<h4>${escapeHtml(kind.title)} (${kind.findings.length})</h4>`);
      body.push(...kind.findings.map((f) => finding(f, options)));
    }
  }
  const verified = results.flatMap((r) => r.verified);
  body.push('<h2>Verified claims</h2>');
  if (verified.length === 0) body.push('<p>No claims were recomputed.</p>');
  else {
    body.push('<table class="verified"><tr><th>Where</th><th>Kind</th><th>Claim</th><th>Working</th></tr>');
    for (const v of verified) body.push(`<tr><td>${escapeHtml(describeLocation(v.range, options.baseUri))}</td><td>${escapeHtml(ruleFor(v.kind)?.title ?? v.kind)}</td><td>${escapeHtml(v.claim)}</td><td><code>${escapeHtml(v.working)}</code></td></tr>`);
    body.push('</table>');
  }
  const notShown = results.flatMap((r) => r.notShown ?? []);
  if (notShown.length) {
    body.push(`<details class="not-shown"><summary>Model findings not shown (${notShown.length})</summary><ul>`);
    body.push(...notShown.map((d) => `<li>${escapeHtml(d.reason)}${d.quote ? `: <code>${escapeHtml(d.quote)}</code>` : ''}</li>`), '</ul></details>');
  }
  const notes = results.flatMap((r) => r.notes);
  if (notes.length) body.push('<h2>Notes</h2><ul>', ...notes.map((n) => `<li>${escapeHtml(n.level)}: ${escapeHtml(n.message)}</li>`), '</ul>');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body.join('\n')}
</body></html>
`;
}
