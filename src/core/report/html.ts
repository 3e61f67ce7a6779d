// The verification report as one standalone HTML document (no scripts, no external resources).
// The report webview shows the same body (renderHtmlBody), so the words are the same everywhere.
// Colours come from VS Code's theme variables when shown in a webview, with fallbacks elsewhere.

import { ruleFor } from '../rules.ts';
import type { CheckResult, Finding } from '../types.ts';
import { describeLocation, fileName } from './locate.ts';
import type { ReportOptions } from './options.ts';
import type { PaperGroup } from './summary.ts';
import {
  SEVERITY_LABEL,
  WORDS,
  countFindings,
  groupBySection,
  groupPapers,
  hiddenSentence,
  modelSentence,
  originLabel,
  readByKind,
  readSentence,
  sentenceParts,
  settingsSentence,
  stampSentence,
} from './summary.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export const REPORT_STYLE = `
body { font-family: var(--vscode-font-family, system-ui, sans-serif); color: var(--vscode-foreground, #1f2328); background: var(--vscode-editor-background, #fff); margin: 1.5rem; line-height: 1.45; }
h1 { font-size: 1.5rem; } h2 { border-bottom: 1px solid var(--vscode-panel-border, #d0d7de); padding-bottom: .2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: .4rem 0; } td, th { border: 1px solid var(--vscode-panel-border, #d0d7de); padding: .25rem .5rem; text-align: left; vertical-align: top; }
code { font-family: var(--vscode-editor-font-family, monospace); background: var(--vscode-textCodeBlock-background, #f6f8fa); padding: 0 .2rem; }
.finding { border-left: 4px solid; padding: .3rem .7rem; margin: .6rem 0; }
.error { border-color: var(--vscode-editorError-foreground, #d1242f); } .warning { border-color: var(--vscode-editorWarning-foreground, #9a6700); } .info { border-color: var(--vscode-editorInfo-foreground, #0969da); }
.badge { font-size: .8em; border-radius: .6em; padding: 0 .5em; border: 1px solid currentColor; margin-left: .3em; }
.where, .meta { color: var(--vscode-descriptionForeground, #59636e); }
mark { background: var(--vscode-editor-findMatchHighlightBackground, #fff8c5); color: inherit; font-weight: 600; }
dl { display: grid; grid-template-columns: max-content auto; gap: .1rem .8rem; margin: .3rem 0; } dt { font-weight: 600; } dd { margin: 0; }
`;

function finding(f: Finding, options: ReportOptions): string {
  const w = WORDS.fields;
  const rows: [string, string][] = [];
  const s = sentenceParts(f);
  if (s) rows.push([w.sentence, `${escapeHtml(s.before)}${s.number ? `<mark>${escapeHtml(s.number)}</mark>` : ''}${escapeHtml(s.after)}`]);
  rows.push([w.written, `<code>${escapeHtml(f.claim)}</code>`]);
  if (f.reported !== undefined) rows.push([w.reported, `<code>${escapeHtml(f.reported)}</code>`]);
  if (f.recomputed !== undefined) rows.push([w.recomputed, `<code>${escapeHtml(f.recomputed)}</code>`]);
  if (f.working) rows.push([w.working, `<code>${escapeHtml(f.working)}</code>`]);
  if (f.suggestion !== undefined) rows.push([w.suggested, `<code>${escapeHtml(f.suggestion)}</code>`]);
  if (f.confidence !== undefined) rows.push([w.confidence, `${Math.round(f.confidence * 100)}%`]);
  if (f.explanation) rows.push([w.why, escapeHtml(f.explanation)]);
  rows.push([w.id, `<code>${escapeHtml(f.id)}</code>`]);
  return `<div class="finding ${f.severity}" data-finding-id="${escapeHtml(f.id)}" data-uri="${escapeHtml(f.range.uri)}" data-line="${f.range.start.line}"${f.range.page !== undefined ? ` data-page="${f.range.page}"` : ''}>
<div><strong>${SEVERITY_LABEL[f.severity]}</strong><span class="badge origin-${f.origin === 'model' ? 'model' : 'recomputed'}">${escapeHtml(originLabel(f))}</span> <a class="where" href="#">${escapeHtml(describeLocation(f.range, options.baseUri))}</a></div>
<div class="message">${escapeHtml(f.message)}</div>
<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl></div>`;
}

function findings(list: readonly Finding[], options: ReportOptions): string[] {
  const out: string[] = [];
  if (list.length === 0) out.push(`<p class="ok">${WORDS.noFindings}</p>`);
  for (const group of groupBySection(list)) {
    out.push(`<h4>${escapeHtml(group.section)}</h4>`);
    for (const kind of group.kinds) {
      out.push(`<h5>${escapeHtml(kind.title)} (${kind.findings.length})</h5>`);
      out.push(...kind.findings.map((f) => finding(f, options)));
    }
  }
  return out;
}

function coverage(r: CheckResult): string[] {
  const out = [`<p><strong>What was read.</strong> ${escapeHtml(readSentence(r))}</p>`];
  const kinds = readByKind(r);
  if (kinds.length) {
    out.push('<table class="coverage"><tr><th>Check</th><th>Read</th><th>Verified</th><th>Flagged</th><th>Undecided</th></tr>');
    for (const k of kinds) out.push(`<tr><td>${escapeHtml(k.title)}</td><td>${k.counts.read}</td><td>${k.counts.verified}</td><td>${k.counts.flagged}</td><td>${k.counts.undecided}</td></tr>`);
    out.push('</table>');
  }
  return out;
}

function hidden(r: CheckResult, options: ReportOptions): string[] {
  const out = [`<p class="hidden-summary"><strong>Hidden.</strong> ${escapeHtml(hiddenSentence(r))}</p>`];
  const entries = options.ignoreEntries?.(r.uri) ?? [];
  if (entries.length) {
    out.push('<p>Ignore list (.tally-ignore.json):</p><ul class="ignored">');
    for (const e of entries) {
      const where = e.file ? ` at ${escapeHtml(e.file)}${e.page !== undefined ? ` p. ${e.page}` : e.line !== undefined ? `:${e.line}` : ''}` : '';
      const what = e.claim ? `${e.kind ? `${escapeHtml(ruleFor(e.kind)?.title ?? e.kind)}: ` : ''}<code>${escapeHtml(e.claim)}</code>` : `<code>${escapeHtml(e.id)}</code>`;
      out.push(`<li>${what}${where}${e.hidden ? `, hidden ${escapeHtml(e.hidden)}` : ''}${e.reason ? ` (${escapeHtml(e.reason)})` : ''}</li>`);
    }
    out.push('</ul>');
  }
  return out;
}

function verified(r: CheckResult, options: ReportOptions): string[] {
  const out = [`<h3>${WORDS.counts.verified} (${r.verified.length})</h3>`];
  if (r.verified.length === 0) return [...out, `<p>${WORDS.noVerified}</p>`];
  out.push('<table class="verified"><tr><th>Where</th><th>Check</th><th>Claim</th><th>Working</th></tr>');
  for (const v of r.verified) out.push(`<tr><td>${escapeHtml(describeLocation(v.range, options.baseUri))}</td><td>${escapeHtml(ruleFor(v.kind)?.title ?? v.kind)}</td><td>${escapeHtml(v.claim)}</td><td><code>${escapeHtml(v.working)}</code></td></tr>`);
  return [...out, '</table>'];
}

/** Model findings Tally dropped, each with its reason: collapsed, so they are accounted for without crowding. */
function notShown(r: CheckResult): string[] {
  const list = r.notShown ?? [];
  if (!list.length) return [];
  return [`<details class="not-shown"><summary>Model findings not shown (${list.length})</summary><ul>`, ...list.map((d) => `<li>${escapeHtml(d.reason)}${d.quote ? `: <code>${escapeHtml(d.quote)}</code>` : ''}</li>`), '</ul></details>'];
}

function paper(g: PaperGroup, options: ReportOptions): string[] {
  const r = g.result;
  const out = [`<section class="paper" data-uri="${escapeHtml(r.uri)}"><h2>${escapeHtml(g.heading)}</h2>`];
  if (g.heading !== g.path) out.push(`<p class="meta">File: <code>${escapeHtml(g.path)}</code></p>`);
  out.push(...coverage(r), `<p class="model-summary"><strong>Model review.</strong> ${escapeHtml(modelSentence(r))}</p>`, ...notShown(r), ...hidden(r, options));
  out.push('<h3>Findings</h3>', ...findings(r.findings, options));
  for (const pdf of g.compiled) {
    out.push(`<h3>Compiled PDF: ${escapeHtml(fileName(pdf.uri))}</h3>`, `<p><strong>What was read.</strong> ${escapeHtml(readSentence(pdf))} ${escapeHtml(hiddenSentence(pdf))}</p>`, ...findings(pdf.findings, options));
  }
  out.push(...verified(r, options));
  const notes = [r, ...g.compiled].flatMap((x) => x.notes);
  if (notes.length) out.push('<h3>Notes</h3><ul>', ...notes.map((n) => `<li>${escapeHtml(n.level)}${n.partial ? ' (cut short)' : ''}: ${escapeHtml(n.message)}</li>`), '</ul>');
  out.push('</section>');
  return out;
}

/** The report without the document around it: what the webview shows. */
export function renderHtmlBody(results: readonly CheckResult[], options: ReportOptions = {}): string {
  const counts = countFindings(results);
  const papers = groupPapers(results, options);
  const c = WORDS.counts;
  const body: string[] = [`<h1>${escapeHtml(options.title ?? 'Tally verification report')}</h1>`];
  body.push(`<p class="meta stamp">${escapeHtml(stampSentence(options))} ${escapeHtml(settingsSentence(options))}</p>`);
  body.push(`<p>${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}: ${papers.map((p) => escapeHtml(p.heading)).join('; ')}.</p>`);
  body.push(`<table class="counts"><tr><th>${c.error}</th><th>${c.warning}</th><th>${c.info}</th><th>${c.verified}</th><th>${c.model}</th></tr><tr><td>${counts.error}</td><td>${counts.warning}</td><td>${counts.info}</td><td>${counts.verified}</td><td>${counts.model}</td></tr></table>`);
  for (const g of papers) body.push(...paper(g, options));
  return body.join('\n');
}

export function renderHtml(results: readonly CheckResult[], options: ReportOptions = {}): string {
  const title = options.title ?? 'Tally verification report';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${REPORT_STYLE}</style></head>
<body>
${renderHtmlBody(results, options)}
</body></html>
`;
}
