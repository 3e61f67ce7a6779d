// Percent and fold changes: "rose from 2.1 to 8.4, a 300% increase", "decreased by 25% from 80 to
// 60", "2.1 µg/g in 2020 and 8.4 µg/g in 2023, a 300% increase", "a 4-fold increase".

import { formatLike, intervalMeets } from '../../numbers.ts';
import type { CheckOutput, PaperText } from '../../types.ts';
import { inputBounds, quantitiesIn, sentencesOf, type Num } from './context.ts';
import type { Interval } from './interval-math.ts';
import { cover, formatValue, makeFinding, makeVerified, plain } from './report.ts';
import { unitAt } from './unit-text.ts';
import type { CheckModule } from '../module.ts';

const UP = 'increase|increased|increases|increasing|rise|rose|risen|rising|grew|growth|grown|gain|gained|higher|greater|larger|more|up|jump|jumped|elevat\\w*';
const DOWN = 'decrease|decreased|decreases|decreasing|reduction|reduced|reduces|drop|dropped|decline|declined|declining|fall|fell|fallen|lower|smaller|less|down|loss|lost|cut|shrank|shrunk';
const PCT_PHRASE = new RegExp(`^\\s*(?:-\\s*)?(?:(?:relative|net|overall|total)\\s+)?(${UP}|${DOWN})\\b`, 'i');
const BY_BEFORE = new RegExp(`\\b(${UP}|${DOWN})\\s+(?:by\\s+)?(?:about\\s+|approximately\\s+|nearly\\s+|almost\\s+|roughly\\s+)?$`, 'i');
const FOLD_AFTER = new RegExp(`^\\s*(?:-\\s*|\\s)?(?:fold|times|×)\\s*(?:-\\s*)?(?:(${UP}|${DOWN})\\b)?`, 'i');
const FROM_TO = /\bfrom\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+){0,3}?$/i;

function direction(word: string): 1 | -1 {
  return new RegExp(`^(?:${DOWN})$`, 'i').test(word) ? -1 : 1;
}

/** Range of f over the corners of the two intervals (f is monotone in each argument where used). */
function corners(a: Interval, b: Interval, f: (x: number, y: number) => number): Interval {
  const v = [f(a[0], b[0]), f(a[0], b[1]), f(a[1], b[0]), f(a[1], b[1])].filter(Number.isFinite);
  return [Math.min(...v), Math.max(...v)];
}

function sameUnit(text: string, a: Num, b: Num): boolean {
  if (a.percent !== b.percent) return false;
  const ua = unitAt(text, a.end, a.end + 30)?.mathjs ?? '';
  const ub = unitAt(text, b.end, b.end + 30)?.mathjs ?? '';
  // "from 2.1 to 8.4 µg/g": the unit is often written once.
  return ua === ub || ua === '' || ub === '';
}

export function checkChanges(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  const text = paper.text;
  const { sentences } = sentencesOf(paper);
  for (const s of sentences) {
    const nums = quantitiesIn(text, s);
    if (nums.length < 3) continue;
    for (let i = 0; i < nums.length; i++) {
      const c = nums[i];
      const after = text.slice(c.end, Math.min(s.end, c.end + 40));
      const before = text.slice(Math.max(s.start, c.start - 40), c.start);
      let fold = false;
      let word: string | undefined;
      if (c.percent) {
        word = PCT_PHRASE.exec(after)?.[1] ?? BY_BEFORE.exec(before)?.[1];
        if (/^\s*points?\b|^\s*pp\b|percentage/i.test(after)) continue;
      } else {
        const m = FOLD_AFTER.exec(after);
        if (m && /fold|times|×/i.test(m[0])) {
          fold = true;
          word = m[1] ?? BY_BEFORE.exec(before)?.[1];
          if (!word) continue;
        }
      }
      if (!word) continue;
      // The two values compared: "from a to b" anywhere in the sentence, else the two values before.
      // Only the neighbourhood of the change (bounded, so a huge sentence stays linear).
      const others = nums.slice(Math.max(0, i - 12), i + 13).filter((n) => n !== c && !(n.percent && /^\s*(?:CI|confidence)/i.test(text.slice(n.end, n.end + 12))));
      // Of several "from a to b" in the sentence, the nearest one before the change (else the first after it).
      let pair: [Num, Num] | undefined;
      let ordered = false;
      for (let k = 0; k + 1 < others.length; k++) {
        const a = others[k];
        const b = others[k + 1];
        if (FROM_TO.test(text.slice(Math.max(s.start, a.start - 30), a.start)) && /^\s*(?:[A-Za-zµμ/%.\u00a0\u2009 ]{0,16}?)\s*to\s+(?:an?\s+|the\s+)?$/.test(text.slice(unitAt(text, a.end, b.start)?.end ?? a.end, b.start))) {
          if (pair && pair[1].end < c.start && b.start > c.end) break;
          pair = [a, b];
          ordered = true;
          if (b.start > c.end) break;
        }
      }
      if (!pair) {
        const prior = others.filter((n) => n.end <= c.start);
        if (prior.length !== 2 || others.length !== 2) continue;
        pair = [prior[0], prior[1]];
      }
      const [a, b] = pair;
      if (!sameUnit(text, a, b) || a.value === 0 || b.value === 0) continue;
      const ia = inputBounds(a);
      const ib = inputBounds(b);
      const dir = direction(word);
      const claimSpan = cover(a, b, c);
      let candidates: { iv: Interval; value: number; working: string }[];
      if (fold) {
        const ratio = (x: Num, y: Num, ix: Interval, iy: Interval) => ({
          iv: corners(ix, iy, (p, q) => q / p),
          value: y.value / x.value,
          working: `${plain(y.value)} / ${plain(x.value)}`,
        });
        candidates = ordered ? [dir > 0 ? ratio(a, b, ia, ib) : ratio(b, a, ib, ia)] : [ratio(a, b, ia, ib), ratio(b, a, ib, ia)];
        // "increased 4-fold" is read by some as b = 5a: accept ratio − 1 too.
        if (dir > 0) candidates = candidates.flatMap((r) => [r, { iv: [r.iv[0] - 1, r.iv[1] - 1] as Interval, value: r.value - 1, working: `${r.working} - 1` }]);
      } else {
        const change = (x: Num, y: Num, ix: Interval, iy: Interval) => ({
          iv: corners(ix, iy, (p, q) => (100 * Math.abs(q - p)) / Math.abs(p)),
          value: (100 * Math.abs(y.value - x.value)) / Math.abs(x.value),
          working: `abs(${plain(y.value)} - ${plain(x.value)}) / ${plain(Math.abs(x.value))} * 100`,
        });
        candidates = ordered ? [change(a, b, ia, ib)] : [change(a, b, ia, ib), change(b, a, ib, ia)];
        if (ordered && Math.sign(b.value - a.value) !== dir && b.value !== a.value) continue; // direction words disagree: leave it to a reader
        if (a.percent) {
          const pp = Math.abs(b.value - a.value);
          candidates.push({ iv: corners(ia, ib, (p, q) => Math.abs(q - p)), value: pp, working: `abs(${plain(b.value)} - ${plain(a.value)})` });
        }
      }
      const hit = candidates.find((k) => intervalMeets(c, k.iv[0], k.iv[1], true));
      const kind = 'percent-change' as const;
      if (hit) {
        out.verified.push(makeVerified(paper, kind, claimSpan, `${hit.working} = ${formatValue(hit.value, 3)}`));
        continue;
      }
      const main = candidates[0];
      const recomputed = formatLike(c, main.value);
      const what = fold ? `${recomputed}-fold` : recomputed;
      out.findings.push(
        makeFinding(paper, {
          kind,
          severity: ordered ? 'error' : 'warning',
          message: `From ${a.text} to ${b.text} is a ${what} ${fold ? 'change' : dir > 0 ? 'increase' : 'decrease'}, not ${c.text}${fold ? '-fold' : ''}.`,
          claimSpan,
          span: c,
          reported: c.text,
          recomputed,
          working: main.working,
          suggestion: ordered && !fold ? recomputed : undefined,
          related: [a, b],
        }),
      );
    }
  }
  return out;
}

export const PERCENT_CHANGE_RULE = { id: 'percent-change', title: 'Percent or fold change', description: 'A stated percent change or fold change does not match the values it compares.', defaultSeverity: 'error' } as const;

export const changeCheck: CheckModule = {
  name: 'change',
  title: 'Percent or fold change',
  description: 'Recomputes a percent or fold change from the two amounts it compares.',
  kinds: [PERCENT_CHANGE_RULE],
  shapes: [
    { name: 'from ... to', example: 'grew from 40 to 50, a 25% rise' },
    { name: 'fold', example: 'from 3 to 12, a fourfold increase' },
  ],
  leavesAlone: [
    'Changes in percentage points, which are differences, not ratios.',
  ],
  run: checkChanges,
};
