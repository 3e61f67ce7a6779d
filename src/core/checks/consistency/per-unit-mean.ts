// A mean per participant (or per site, per school) given with its total: the total divided by the
// number of participants the paper states must give the mean.

import { ledgerFor, type LedgerEntry } from '../../ledger/index.ts';
import { findNumbers, formatLike, roundsTo } from '../../numbers.ts';
import type { CheckOutput, PaperText } from '../../types.ts';
import { bySection, isPeopleCount } from './groups.ts';
import { linkedFinding, placeName } from './where.ts';

const PER_UNIT = /\bper\s+(?:participant|person|respondent|subject|patient|student|child|individual|migrant|user|household|pupil|adult|volunteer)\b/i;
const MEAN_BEFORE = /(?:\bM|\bmean|\baverage|\baveraged)\s*(?:=|of|:)\s*$/i;
const TOTAL_BEFORE = /(?:\btotal\s+N|\bN\s*total|\ba\s+total\s+of|\bin\s+total)\s*[=:]?\s*$/i;

export function checkPerUnitMeans(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  const text = paper.text;
  for (const group of bySection(ledgerFor(paper).entries)) {
    const sentences = new Map<number, LedgerEntry>();
    for (const e of group) if (!sentences.has(e.sentence.start)) sentences.set(e.sentence.start, e);
    for (const first of sentences.values()) {
      const s = first.sentence;
      const sentenceText = text.slice(s.start, s.end);
      if (!PER_UNIT.test(sentenceText)) continue;
      const numbers = findNumbers(sentenceText, s.start);
      const mean = numbers.find((n) => !n.percent && MEAN_BEFORE.test(text.slice(Math.max(s.start, n.start - 12), n.start)));
      const total = numbers.find((n) => n.decimals === 0 && TOTAL_BEFORE.test(text.slice(Math.max(s.start, n.start - 16), n.start)));
      if (!mean || !total) continue;
      const units = group.filter((e) => isPeopleCount(e) && e.noun !== 'sample' && e.start < s.start && e.block >= first.block - 3 && !e.stages.includes('excluded'));
      if (!units.length) continue;
      const fits = (u: LedgerEntry) => roundsTo(mean, total.value / u.number.value);
      const working = `${total.text} / ${units[0].number.text}`;
      if (units.some(fits)) {
        out.verified.push({ kind: 'count-consistency', claim: `${mean.text} per unit`, working, span: mean });
        continue;
      }
      const unit = units[0];
      const per = total.value / unit.number.value;
      out.findings.push(
        linkedFinding(paper, {
          kind: 'count-consistency',
          severity: 'warning',
          message: `A mean of ${mean.text} per unit here; the total ${total.text} over the ${unit.number.text} ${unit.noun} stated in ${placeName(paper, unit)} gives ${formatLike(mean, per)}.`,
          here: mean,
          claimSpan: s,
          others: [
            { span: total, message: `total of ${total.text}` },
            { span: unit, message: `${unit.number.text} ${unit.noun} here` },
          ],
        }),
      );
    }
  }
  return out;
}
