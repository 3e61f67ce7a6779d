// A sample's flow told across sentences: so many recruited, so many excluded, a final sample of so
// many. Recruited minus the exclusions told in between must give the final sample.

import { ledgerFor, type LedgerEntry } from '../../ledger/index.ts';
import type { CheckOutput, PaperText } from '../../types.ts';
import { bySection, isPeopleCount, someSubsetSums } from './groups.ts';
import { linkedFinding, placeName } from './where.ts';

const MAX_BLOCKS_APART = 3;

function isStage(e: LedgerEntry, stage: string): boolean {
  return e.stages.includes(stage);
}

/** A count whose clause names both exclusion and the final sample is the exclusion when a final count follows in the clause. */
function isExclusion(e: LedgerEntry, next: LedgerEntry | undefined): boolean {
  if (!isStage(e, 'excluded')) return false;
  return !isStage(e, 'final') || (next !== undefined && next.clause.start === e.clause.start && isStage(next, 'final'));
}

interface Flow {
  /** Every count that may be the starting sample (an initial total and its recruitment channels). */
  recruited: LedgerEntry[];
  excluded: LedgerEntry[];
  final: LedgerEntry;
}

function flowsIn(group: LedgerEntry[]): Flow[] {
  const counts = group.filter(isPeopleCount);
  const out: Flow[] = [];
  let recruited: LedgerEntry[] = [];
  let excluded: LedgerEntry[] = [];
  counts.forEach((e, i) => {
    if (recruited.length && e.block - recruited[recruited.length - 1].block > MAX_BLOCKS_APART) [recruited, excluded] = [[], []];
    if (isExclusion(e, counts[i + 1])) {
      if (recruited.length) excluded.push(e);
    } else if (isStage(e, 'recruited') || isStage(e, 'total') || isStage(e, 'completed')) {
      if (excluded.length) [recruited, excluded] = [[], []];
      recruited.push(e);
    } else if (isStage(e, 'final') && recruited.length && excluded.length) {
      out.push({ recruited, excluded, final: e });
      [recruited, excluded] = [[], []];
    }
  });
  return out;
}

export function checkSampleFlow(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  for (const group of bySection(ledgerFor(paper).entries)) {
    for (const { recruited: starts, excluded, final } of flowsIn(group)) {
      const f = final.number.value;
      // Any starting count and exclusions told in between that account for the difference make the flow consistent.
      const fitting = starts.find((r) => someSubsetSums(excluded.map((e) => e.number.value), r.number.value - f));
      const recruited = fitting ?? starts[0];
      const working = `${recruited.number.text} − ${excluded.map((e) => e.number.text).join(' − ')} = ${final.number.text}`;
      if (fitting) {
        out.verified.push({ kind: 'count-consistency', claim: working, working, span: excluded[0] });
        continue;
      }
      const left = recruited.number.value - excluded.reduce((a, e) => a + e.number.value, 0);
      out.findings.push(
        linkedFinding(paper, {
          kind: 'count-consistency',
          severity: 'warning',
          message: `${recruited.number.text} ${recruited.noun} less ${excluded.map((e) => e.number.text).join(' and ')} excluded leaves ${left}, but the final sample is ${final.number.text} (${placeName(paper, final)}).`,
          here: excluded[0],
          claimSpan: { start: recruited.sentence.start, end: final.sentence.end },
          others: [
            { span: recruited, message: `${recruited.number.text} ${recruited.noun} at the start here` },
            { span: final, message: `final sample of ${final.number.text} here` },
          ],
        }),
      );
    }
  }
  return out;
}
