// A threshold or parameter defined once and restated with another value: "a cut-off of 0.30"
// in the Methods and "the 0.40 cut-off" in the Results.

import { findNumbers, roundsTo, type ReportedNumber } from '../../numbers.ts';
import { splitSentences } from '../../text/sentences.ts';
import type { CheckOutput, PaperText, TextSpan } from '../../types.ts';
import { linkedFinding } from './where.ts';

// A multi-word parameter name followed by how its value is given: "learning rate of 0.001",
// "significance level was set to .01", "cut-off score = 13".
const NAMES = String.raw`(?:(?:significance|alpha|probability|detection|similarity|correlation|exclusion|inclusion|confidence|decision|clinical|screening)\s+(?:threshold|level|cut-?off|criterion)|cut-?off\s+(?:score|value|point)|(?:learning|dropout|sampling)\s+rate|batch\s+size|window\s+(?:size|length)|number\s+of\s+(?:epochs|iterations|folds|clusters|topics|neighbou?rs|trees|bootstrap\s+samples))`;
const DEFINITION = new RegExp(String.raw`\b(${NAMES})\s*(?:\([^)]{0,20}\)\s*)?(?:of|=|:|was\s+set\s+to|is\s+set\s+to|was\s+fixed\s+at|was|is|at)\s*(?:\\?\$?\s*)`, 'gi');
// Words that say several values are in play on purpose.
const SEVERAL = /\b(?:respectively|varied|vary|varying|ranging|range|grid|search|tried|tested|compared|each|per|sensitivity|alternative|instead|stricter|more lenient|different|both|either|or)\b/i;

const UNIT = /^\s*(%|ms|s|sec|seconds?|min|minutes?|h|hours?|days?|weeks?|mg|kg|g|ml|mm|cm|m|km|hz|khz|px|pixels?|points?|sd|standard deviations?|dB|°c?)(?![\p{L}])/iu;

interface Statement {
  name: string;
  number: ReportedNumber;
  sentence: TextSpan;
  unit: string;
}

function statements(paper: PaperText): Statement[] {
  const out: Statement[] = [];
  const text = paper.text;
  for (const block of paper.blocks) {
    if (block.kind === 'table' || block.kind === 'heading' || block.kind === 'display-math') continue;
    const slice = text.slice(block.start, block.end);
    if (!/cut-?off|threshold|level|rate|size|number of|criterion|length/i.test(slice)) continue;
    for (const sentence of splitSentences(text, block.start, block.end)) {
      const s = text.slice(sentence.start, sentence.end);
      if (SEVERAL.test(s)) continue;
      for (const m of s.matchAll(DEFINITION)) {
        const at = m.index + m[0].length;
        const n = findNumbers(s.slice(at, at + 24), sentence.start + at)[0];
        if (!n || n.start !== sentence.start + at) continue;
        const unit = UNIT.exec(text.slice(n.end, n.end + 24))?.[1]?.toLowerCase() ?? '';
        out.push({ name: m[1].toLowerCase().replace(/\s+/g, ' ').replace('cutoff', 'cut-off'), number: n, sentence, unit: n.percent ? '%' : unit });
      }
    }
  }
  return out;
}

export function checkRestatedParameters(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  const byName = new Map<string, Statement[]>();
  for (const s of statements(paper)) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  for (const [name, list] of byName) {
    const first = list[0];
    for (const later of list.slice(1)) {
      if (later.unit !== first.unit) continue;
      if (roundsTo(first.number, later.number.value) || roundsTo(later.number, first.number.value)) continue;
      const where = paper.map.toSource(first.number.start, first.number.end);
      out.findings.push(
        linkedFinding(paper, {
          kind: 'parameter-consistency',
          severity: 'warning',
          message: `The ${name} is ${later.number.text} here; it is given as ${first.number.text} at ${where.page !== undefined ? `page ${where.page}` : `line ${where.start.line + 1}`}.`,
          here: later.number,
          claimSpan: later.sentence,
          others: [{ span: first.number, message: `${name} ${first.number.text} here` }],
        }),
      );
      break;
    }
  }
  return out;
}
