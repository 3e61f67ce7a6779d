// A count against its breakdown stated elsewhere: "so many women and so many men" against the
// sample they describe, and subgroup sizes ("n = ...") listed together against the total N.

import { ledgerFor, type LedgerEntry } from '../../ledger/index.ts';
import type { CheckOutput, PaperText, TextSpan } from '../../types.ts';
import { bySection, isPeopleCount, isSexCount } from './groups.ts';
import { linkedFinding, placeName } from './where.ts';

// Words that make a breakdown describe a group of the sample rather than the sample.
const GROUP_WORDS = /\b(?:group|condition|arm|cohort|control|treatment|wave|subsample|subgroup|study)\b/i;
// Subgroup sizes listed as parts of the whole close to it; an unrelated set of subgroups rarely is.
const NEAR_TOTAL = 0.1;

function bySentence(entries: readonly LedgerEntry[]): LedgerEntry[][] {
  const map = new Map<number, LedgerEntry[]>();
  for (const e of entries) {
    const list = map.get(e.sentence.start) ?? [];
    list.push(e);
    map.set(e.sentence.start, list);
  }
  return [...map.values()];
}

/** Sample counts the parts may be a breakdown of: earlier in the same sentence or in the two sentences before. */
function samplesBefore(group: LedgerEntry[], parts: LedgerEntry[], accept: (e: LedgerEntry) => boolean, sentencesBack: number): LedgerEntry[] {
  const first = parts[0];
  const sentenceStarts = [...new Set(group.filter((e) => e.start <= first.start).map((e) => e.sentence.start))];
  const window = new Set(sentenceStarts.slice(-1 - sentencesBack));
  return group.filter((e) => e.start < first.start && window.has(e.sentence.start) && accept(e) && !e.stages.includes('excluded'));
}

function report(paper: PaperText, parts: LedgerEntry[], total: LedgerEntry, what: string): ReturnType<typeof linkedFinding> {
  const sum = parts.reduce((a, p) => a + p.number.value, 0);
  const claimSpan: TextSpan = { start: Math.min(total.sentence.start, parts[0].sentence.start), end: parts[0].sentence.end };
  return linkedFinding(paper, {
    kind: 'count-consistency',
    severity: 'warning',
    message: `The ${what} ${parts.map((p) => p.number.text).join(' + ')} add to ${sum}; the total in ${placeName(paper, total)} is ${total.number.text}.`,
    // The parts together are the claim; which of them (or the total) is wrong is not for the checker to guess.
    here: { start: parts[0].start, end: parts[parts.length - 1].end },
    reported: parts.map((p) => p.number.text).join(' + '),
    claimSpan,
    others: [{ span: total, message: `total of ${total.number.text} here` }],
  });
}

function checkSexBreakdowns(paper: PaperText, group: LedgerEntry[], out: CheckOutput): void {
  for (const sentence of bySentence(group)) {
    const parts = sentence.filter(isSexCount);
    if (parts.length < 2 || new Set(parts.map((p) => p.noun.replace(/s$/, ''))).size < 2) continue;
    const sentenceText = paper.text.slice(sentence[0].sentence.start, sentence[0].sentence.end);
    const samples = samplesBefore(group, parts, (e) => isPeopleCount(e) && !isSexCount(e), GROUP_WORDS.test(sentenceText) ? 0 : 2);
    if (!samples.length) continue;
    const sum = parts.reduce((a, p) => a + p.number.value, 0);
    // Parts that fall short of the sample are usually people who did not state their sex: only more
    // parts than people is a contradiction.
    if (samples.some((s) => s.number.value >= sum)) {
      out.verified.push({ kind: 'count-consistency', claim: parts.map((p) => p.number.text).join(' + '), working: `${parts.map((p) => p.number.text).join(' + ')} = ${sum}`, span: parts[0] });
      continue;
    }
    out.findings.push(report(paper, parts, samples[samples.length - 1], 'parts of the sample'));
  }
}

/** Subgroup sizes against a total N stated before them in the same study (often in an earlier subsection). */
function checkSubgroupSizes(paper: PaperText, entries: readonly LedgerEntry[], out: CheckOutput): void {
  const totals: LedgerEntry[] = [];
  let study = '';
  for (const sentence of bySentence(entries)) {
    if (sentence[0].study !== study) [study, totals.length] = [sentence[0].study, 0];
    const parts = sentence.filter((e) => e.role === 'count' && e.noun === 'subsample');
    if (parts.length < 2) {
      totals.push(...sentence.filter((e) => e.noun === 'sample'));
      continue;
    }
    if (!totals.length) continue;
    const sum = parts.reduce((a, p) => a + p.number.value, 0);
    if (totals.some((t) => t.number.value === sum)) {
      out.verified.push({ kind: 'count-consistency', claim: parts.map((p) => p.number.text).join(' + '), working: `${parts.map((p) => p.number.text).join(' + ')} = ${sum}`, span: parts[0] });
      continue;
    }
    const total = totals[totals.length - 1];
    if (Math.abs(sum - total.number.value) <= NEAR_TOTAL * total.number.value) out.findings.push(report(paper, parts, total, 'subgroup sizes'));
  }
}

export function checkBreakdowns(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  for (const group of bySection(ledgerFor(paper).entries)) {
    checkSexBreakdowns(paper, group, out);
  }
  checkSubgroupSizes(paper, ledgerFor(paper).entries.filter((e) => e.place !== 'table'), out);
  return out;
}
