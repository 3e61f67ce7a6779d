// The same whole set counted twice with two values: "the 24 interviews were transcribed" in the
// Methods and "all 26 interviews were coded" in the Results. Only counts that name the whole set
// (the, all, our, in total) and stand at no stage of a flow (recruited, excluded, final) are compared.

import { ledgerFor, type LedgerEntry } from '../../ledger/index.ts';
import type { CheckOutput, PaperText } from '../../types.ts';
import { linkedFinding, placeName } from './where.ts';

const WHOLE_BEFORE = /\b(?:the|all|all of the|our|these|those|a total of|in total)\s*$/i;
// What follows the noun must not narrow the set ("the 26 interviews with nurses", "the 12 sites that ...").
const WHOLE_AFTER = /^\s*(?:[.,;:)]|(?:were|was|are|is|had|have|has|yielded|lasted|took|comprised|covered|provided|produced|generated|showed|gave|included|contained|came|made|formed|resulted|ranged|varied|differed|all)\b)/i;

function isWholeSet(paper: PaperText, e: LedgerEntry): boolean {
  if (e.role !== 'count' || e.place === 'table' || e.place === 'caption' || e.noun.length < 4) return false;
  if (e.stages.some((s) => s !== 'total')) return false;
  const before = paper.text.slice(Math.max(e.clause.start, e.start - 16), e.start);
  if (!WHOLE_BEFORE.test(before)) return false;
  const nounAt = paper.text.indexOf(e.noun, e.end);
  if (nounAt < 0 || nounAt - e.end > 40) return false;
  return WHOLE_AFTER.test(paper.text.slice(nounAt + e.noun.length, nounAt + e.noun.length + 16));
}

export function checkSameCounts(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  const first = new Map<string, LedgerEntry>();
  for (const e of ledgerFor(paper).entries) {
    if (!isWholeSet(paper, e)) continue;
    const key = `${e.study}\u0000${e.noun}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, e);
      continue;
    }
    if (earlier.number.value === e.number.value) {
      out.verified.push({ kind: 'count-consistency', claim: `${e.number.text} ${e.noun}`, working: `${e.number.text} = ${earlier.number.text}`, span: e });
      continue;
    }
    out.findings.push(
      linkedFinding(paper, {
        kind: 'count-consistency',
        severity: 'warning',
        message: `${e.number.text} ${e.noun} here; ${earlier.number.text} ${earlier.noun} in ${placeName(paper, earlier)}.`,
        here: e,
        claimSpan: e.clause,
        others: [{ span: earlier, message: `${earlier.number.text} ${earlier.noun} here` }],
      }),
    );
  }
  return out;
}
