// The verification report as Markdown: per paper, what was read, what was hidden, the model
// review, every finding with its sentence, and what was verified.

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

/** Escapes the characters Markdown would otherwise interpret in paper text. */
function md(text: string): string {
  return text.replace(/([\\`*_{}[\]<>|#])/g, '\\$1').replace(/\s+/g, ' ');
}

function code(text: string): string {
  const clean = text.replace(/\s+/g, ' ');
  const fence = clean.includes('`') ? '``' : '`';
  return `${fence}${clean}${fence}`;
}

function finding(f: Finding, options: ReportOptions): string[] {
  const w = WORDS.fields;
  const lines = [`- **${SEVERITY_LABEL[f.severity]}** (${originLabel(f)}) at ${md(describeLocation(f.range, options.baseUri))}: ${md(f.message)}`];
  const s = sentenceParts(f);
  if (s) lines.push(`  - ${w.sentence}: ${md(s.before)}${s.number ? `**${md(s.number)}**` : ''}${md(s.after)}`);
  lines.push(`  - ${w.written}: ${code(f.claim)}`);
  if (f.reported !== undefined) lines.push(`  - ${w.reported}: ${code(f.reported)}`);
  if (f.recomputed !== undefined) lines.push(`  - ${w.recomputed}: ${code(f.recomputed)}`);
  if (f.working) lines.push(`  - ${w.working}: ${code(f.working)}`);
  if (f.suggestion !== undefined) lines.push(`  - ${w.suggested}: ${code(f.suggestion)}`);
  if (f.confidence !== undefined) lines.push(`  - ${w.confidence}: ${Math.round(f.confidence * 100)}%`);
  if (f.explanation) lines.push(`  - ${w.why}: ${md(f.explanation)}`);
  lines.push(`  - ${w.id}: ${code(f.id)}`);
  return lines;
}

function findings(list: readonly Finding[], options: ReportOptions, level: string): string[] {
  const out: string[] = [];
  if (list.length === 0) out.push(WORDS.noFindings, '');
  for (const group of groupBySection(list)) {
    out.push(`${level} ${md(group.section)}`, '');
    for (const kind of group.kinds) {
      out.push(`${level}# ${md(kind.title)} (${kind.findings.length})`, '');
      for (const f of kind.findings) out.push(...finding(f, options));
      out.push('');
    }
  }
  return out;
}

function coverage(r: CheckResult): string[] {
  const out = [`**What was read.** ${readSentence(r)}`, ''];
  const kinds = readByKind(r);
  if (kinds.length) {
    out.push('| Check | Read | Verified | Flagged | Undecided |', '|---|---:|---:|---:|---:|');
    for (const k of kinds) out.push(`| ${md(k.title)} | ${k.counts.read} | ${k.counts.verified} | ${k.counts.flagged} | ${k.counts.undecided} |`);
    out.push('');
  }
  return out;
}

function hidden(r: CheckResult, options: ReportOptions): string[] {
  const out = [`**Hidden.** ${hiddenSentence(r)}`, ''];
  const entries = options.ignoreEntries?.(r.uri) ?? [];
  if (entries.length) {
    out.push('Ignore list (.tally-ignore.json):', '');
    for (const e of entries) {
      const where = e.file ? ` at ${md(e.file)}${e.page !== undefined ? ` p. ${e.page}` : e.line !== undefined ? `:${e.line}` : ''}` : '';
      const what = e.claim ? `${e.kind ? `${md(ruleFor(e.kind)?.title ?? e.kind)}: ` : ''}${code(e.claim)}` : code(e.id);
      out.push(`- ${what}${where}${e.hidden ? `, hidden ${e.hidden}` : ''}${e.reason ? ` (${md(e.reason)})` : ''}`);
    }
    out.push('');
  }
  return out;
}

function verified(r: CheckResult, options: ReportOptions): string[] {
  const out = [`### ${WORDS.counts.verified}`, ''];
  if (r.verified.length === 0) return [...out, WORDS.noVerified, ''];
  out.push('| Where | Check | Claim | Working |', '|---|---|---|---|');
  for (const v of r.verified) out.push(`| ${md(describeLocation(v.range, options.baseUri))} | ${md(ruleFor(v.kind)?.title ?? v.kind)} | ${md(v.claim)} | ${code(v.working)} |`);
  return [...out, ''];
}

/** Model findings Tally dropped, each with its reason: collapsed, so they are accounted for without crowding. */
function notShown(r: CheckResult): string[] {
  const list = r.notShown ?? [];
  if (!list.length) return [];
  return [`<details><summary>Model findings not shown (${list.length})</summary>`, '', ...list.map((d) => `- ${md(d.reason)}${d.quote ? `: ${code(d.quote)}` : ''}`), '', '</details>', ''];
}

function paper(g: PaperGroup, options: ReportOptions): string[] {
  const r = g.result;
  const out = [`## ${md(g.heading)}`, ''];
  if (g.heading !== g.path) out.push(`File: ${code(g.path)}`, '');
  out.push(...coverage(r), `**Model review.** ${modelSentence(r)}`, '', ...notShown(r), ...hidden(r, options));
  out.push('### Findings', '', ...findings(r.findings, options, '####'));
  for (const pdf of g.compiled) {
    out.push(`### Compiled PDF: ${md(fileName(pdf.uri))}`, '', `**What was read.** ${readSentence(pdf)} ${hiddenSentence(pdf)}`, '', ...findings(pdf.findings, options, '####'));
  }
  out.push(...verified(r, options));
  const notes = [r, ...g.compiled].flatMap((x) => x.notes);
  if (notes.length) out.push('### Notes', '', ...notes.map((n) => `- ${n.level}${n.partial ? ' (cut short)' : ''}: ${md(n.message)}`), '');
  return out;
}

export function renderMarkdown(results: readonly CheckResult[], options: ReportOptions = {}): string {
  const counts = countFindings(results);
  const papers = groupPapers(results, options);
  const c = WORDS.counts;
  const out: string[] = [`# ${options.title ?? 'Tally verification report'}`, ''];
  out.push(`${stampSentence(options)} ${settingsSentence(options)}`, '');
  out.push(`${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}: ${papers.map((p) => md(p.heading)).join('; ')}.`, '');
  out.push(`| ${c.error} | ${c.warning} | ${c.info} | ${c.verified} | ${c.model} |`, '|---:|---:|---:|---:|---:|', `| ${counts.error} | ${counts.warning} | ${counts.info} | ${counts.verified} | ${counts.model} |`, '');
  for (const g of papers) out.push(...paper(g, options));
  return out.join('\n');
}
