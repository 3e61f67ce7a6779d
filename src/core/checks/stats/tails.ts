// What the paper says about how its p-values were computed, read the way a reader takes it:
// a one-tailed (or two-tailed) declaration applies to the tests reported after it, and tests
// inside an equivalence-testing passage (TOST, equivalence bounds) report one-sided p-values
// against the bounds, not a two-sided p against zero.

import { firstAtOrAfter } from './context.ts';

const DIRECTION_WORD = String.raw`(?:(one|two)[- ]?(?:tailed|sided)|(directional|non-?directional))`;
const TESTISH = String.raw`(?:tests?|t-tests?|hypothes[ie]s|p[- ]?values?|analys[ie]s|significance|comparisons?|contrasts?|alpha|α)`;
// "one-tailed tests were used", "all tests were one-sided", "we used directional tests throughout".
const DECLARATION = new RegExp(
  String.raw`\b${DIRECTION_WORD}\b[^.;!?\n]{0,60}?\b${TESTISH}|\b${TESTISH}\b[^.;!?\n]{0,40}?\b(?:were|was|are|is)\b[^.;!?\n]{0,20}?\b${DIRECTION_WORD}`,
  'giu',
);
const NEGATED = /\b(?:not|no|never|rather than|instead of)\s+(?:\S+\s+){0,2}$/i;

export interface TailDeclaration {
  start: number;
  oneTailed: boolean;
}

/** Every one- or two-tailed declaration in the text, in order. */
export function findTailDeclarations(text: string): TailDeclaration[] {
  const out: TailDeclaration[] = [];
  for (const m of text.matchAll(DECLARATION)) {
    const word = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').toLowerCase();
    const wordAt = m.index + m[0].toLowerCase().lastIndexOf(word);
    if (NEGATED.test(text.slice(Math.max(0, wordAt - 30), wordAt))) continue;
    const oneTailed = word === 'one' || word === 'directional';
    out.push({ start: m.index, oneTailed });
  }
  return out;
}

/** Whether the latest declaration before `offset` says the tests are one-tailed. */
export function declaredOneTailedBefore(declarations: readonly TailDeclaration[], offset: number): boolean {
  const k = firstAtOrAfter(declarations, offset) - 1;
  return k >= 0 && declarations[k].oneTailed;
}

const EQUIVALENCE =
  /\bTOST\b|\bequivalence (?:tests?|testing|bounds?|margins?|range|region|interval|procedure|analys[ie]s)\b|\btwo one[- ]sided tests?\b|Δ_?\{?[LU]\}?\s*=|\bsmallest effect sizes? of interest\b|\bSESOI\b/i;
const BOUNDS_STATED =
  /\b(?:equivalence (?:bounds?|margins?|range|region|interval)|bounds?)\b[^.;!?]{0,30}?(?:of|at|from|were|was|=|:|\[|\()\s*[-−]?\s*\d|Δ_?\{?[LU]\}?\s*=\s*[-−]?\s*\d/i;

/** Whether the passage reports an equivalence test, and whether it states the bounds. */
export function equivalenceContext(passage: string): { bounds: boolean } | undefined {
  if (!EQUIVALENCE.test(passage)) return undefined;
  return { bounds: BOUNDS_STATED.test(passage) };
}
