// GRIMMER (Anaya 2016): for n integer values with a given mean, the sum of squares is an integer
// of the same parity as the sum, which leaves only some SDs possible. Checked where GRIM is:
// when the sentence says the data are integers and the n is stated with the mean and SD.

import type { CheckOutput, PaperText, RawFinding, RawVerified } from '../../types.ts';
import { statsContext } from './context.ts';
import { grimApplies, grimPossible, grimmerPossible } from './granularity.ts';
import { descriptiveReading, meanGroupSize } from './grim.ts';
import { collapse } from './text-util.ts';
import type { CheckModule } from '../module.ts';

export function checkGrimmer(paper: PaperText): CheckOutput {
  const c = statsContext(paper);
  const findings: RawFinding[] = [];
  const verified: RawVerified[] = [];
  for (const d of c.descriptives) {
    if (!d.sd) continue;
    const group = meanGroupSize(c, d);
    if (!group) continue;
    const n = group.value;
    const reading = descriptiveReading(c, d);
    if (!reading || reading.why === '0/1 data') continue;
    const { items } = reading;
    // A GRIM failure is reported by GRIM; GRIMMER needs a mean that is possible.
    if (!grimPossible(d.mean, n, items)) continue;
    // Like GRIM, the test has power only when n is small against the precision.
    if (!grimApplies(d.sd, n, items) && !grimApplies(d.mean, n, items)) continue;
    const claim = collapse(c.text.slice(d.span.start, d.span.end));
    const unit = items === 1 ? `${n} integer values` : `${n} people × ${items} items`;
    if (grimmerPossible(d.mean, d.sd, n, items)) {
      verified.push({ kind: 'grimmer', claim, span: d.sd, working: `GRIMMER: SD ${d.sd.text} is possible for mean ${d.mean.text} of ${unit}` });
      continue;
    }
    findings.push({
      kind: 'grimmer',
      // An n not stated with the mean may be another group's: never more than a warning.
      severity: group.where === 'stated' ? reading.severity : 'warning',
      message: `An SD of ${d.sd.text} is impossible for ${unit} with mean ${d.mean.text} (${reading.why}).`,
      claim,
      reported: d.sd.text,
      working: `For each total T with T/${n * items} rounding to ${d.mean.text}, the sum of squares Q = (n − 1)·SD² + T²/n must be a whole number with the parity of T; none is, for any SD that rounds to ${d.sd.text}`,
      explanation: `GRIMMER test: with ${unit} the sum of squared responses must be a whole number with the same parity as their sum, and no such sum of squares gives a standard deviation of ${d.sd.text} around a mean of ${d.mean.text}.`,
      span: { start: d.sd.start, end: d.sd.end },
      claimSpan: d.span,
      related: [{ start: d.mean.start, end: d.mean.end }, group.span],
    });
  }
  return { findings, verified };
}

export const GRIMMER_RULE = { id: 'grimmer', title: 'GRIMMER', description: 'A standard deviation that is impossible for integer data with that mean and n.', defaultSeverity: 'error' } as const;

export const grimmerCheck: CheckModule = {
  name: 'grimmer',
  title: 'GRIMMER',
  description: 'Checks that an SD is possible for n integer values with the stated mean.',
  kinds: [GRIMMER_RULE],
  shapes: [
    { name: 'mean and SD of integer data', example: 'M = 2.50, SD = 1.20 for 10 counts' },
  ],
  leavesAlone: [
    'Data not said to be integers.',
  ],
  run: checkGrimmer,
};
