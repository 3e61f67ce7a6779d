// DEBIT (Heathers & Brown 2019): for 0/1 data the SD follows from the mean (a proportion) and n:
// SD = √(p(1 − p) · n/(n − 1)). Checked when the sentence says the variable is binary.

import type { CheckOutput, PaperText, RawFinding, RawVerified } from '../../types.ts';
import { statsContext, sentenceWindow } from './context.ts';
import { saysBinary } from './descriptives.ts';
import { binarySd, debitCheck } from './granularity.ts';
import { meanGroupSize } from './grim.ts';
import { collapse } from './text-util.ts';
import type { CheckModule } from '../module.ts';

export function checkDebit(paper: PaperText): CheckOutput {
  const c = statsContext(paper);
  const findings: RawFinding[] = [];
  const verified: RawVerified[] = [];
  for (const d of c.descriptives) {
    if (!d.sd) continue;
    const group = meanGroupSize(c, d);
    if (!group) continue;
    if (d.mean.value < 0 || d.mean.value > 1) continue;
    const w = sentenceWindow(c, d.span.start, d.span.end);
    if (!saysBinary(w.text)) continue;
    const n = group.value;
    const result = debitCheck(d.mean, d.sd, n);
    if (result === 'mean') continue; // GRIM reports it.
    const claim = collapse(c.text.slice(d.span.start, d.span.end));
    const k = Math.round(d.mean.value * n);
    const expected = binarySd(k, n);
    if (result === 'ok') {
      verified.push({ kind: 'debit', claim, span: d.sd, working: `DEBIT: √(${(k / n).toFixed(4)} × ${(1 - k / n).toFixed(4)} × ${n}/${n - 1}) = ${expected.toFixed(4)} rounds to ${d.sd.text}` });
      continue;
    }
    const shown = expected.toFixed(d.sd.decimals);
    findings.push({
      kind: 'debit',
      severity: group.where === 'stated' ? 'error' : 'warning',
      message: `Binary (0/1) data with mean ${d.mean.text} and n = ${n} have SD ${shown}, not ${d.sd.text}.`,
      claim,
      reported: d.sd.text,
      recomputed: shown,
      working: `SD = √(p(1 − p) · n/(n − 1)) = √(${(k / n).toFixed(4)} × ${(1 - k / n).toFixed(4)} × ${n}/${n - 1}) = ${expected.toFixed(4)}`,
      explanation: `DEBIT test: for a yes/no variable the standard deviation is fixed by the proportion and n, and a proportion of ${d.mean.text} among ${n} gives an SD of ${shown}, not ${d.sd.text}.`,
      span: { start: d.sd.start, end: d.sd.end },
      claimSpan: d.span,
      related: [{ start: d.mean.start, end: d.mean.end }, group.span],
    });
  }
  return { findings, verified };
}

export const DEBIT_RULE = { id: 'debit', title: 'DEBIT', description: 'A mean and standard deviation that binary (0/1) data of that n cannot produce.', defaultSeverity: 'error' } as const;

export const debitModule: CheckModule = {
  name: 'debit',
  title: 'DEBIT',
  description: 'Checks that the SD of 0/1 data follows from its mean and n.',
  kinds: [DEBIT_RULE],
  shapes: [
    { name: 'binary mean and SD', example: 'a yes/no item with M = 0.40, SD = 0.50, n = 50' },
  ],
  leavesAlone: [
    'Variables not said to be binary.',
  ],
  run: checkDebit,
};
