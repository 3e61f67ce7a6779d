// Ignore comments, and inputs that must never crash or hang the extractor.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractLatex } from '../../../src/core/latex/index.ts';
import { doc, extractDoc, extractFiles } from './helpers.ts';

function suppressedTexts(p: { text: string; suppressed: { start: number; end: number }[] }): string[] {
  return p.suppressed.map((s) => p.text.slice(s.start, s.end).trim());
}

for (const parser of ['unified', 'simple'] as const) {
  test(`[${parser}] ignore comments: next line, same line, regions, in included files`, () => {
    const files = {
      'main.tex': doc([
        'Checked 1.',
        '% tally-ignore-next-line',
        'Hidden 2 + 2 = 5.',
        'Hidden 3. % tally-ignore',
        'Checked 4.',
        '% tally-ignore-start',
        'Hidden 5.',
        '',
        'Hidden 6.',
        '% tally-ignore-end',
        'Checked 7. 50\\% tally-ignore is not a comment here.',
        '\\input{part}',
      ].join('\n')),
      'part.tex': 'Part 8.\nHidden 9. % tally-ignore\n',
    };
    const p = extractFiles(files, 'main.tex', { parser });
    assert.deepEqual(suppressedTexts(p), ['Hidden 2 + 2 = 5. Hidden 3.', 'Hidden 5.\n\nHidden 6.', 'Hidden 9.']);
    for (const s of p.suppressed) assert.ok(!p.text.slice(s.start, s.end).includes('Checked'));
  });

  test(`[${parser}] unbalanced braces and environments do not throw`, () => {
    for (const body of ['a { b \\textbf{c d', 'a } b } c 12.', '\\begin{itemize} \\item x', 'x \\end{itemize} y 3', '\\begin{a} x \\end{b} 4', '$x = 3', '\\( x', '\\frac{1}', '\\SI{3}', '\\newcommand{\\x}']) {
      // Malformed input: the front ends may differ (see differential.test.ts).
      const p = extractDoc(doc(body), { parser, differential: false });
      assert.equal(typeof p.text, 'string');
      assert.equal(p.notes.filter((n) => n.level === 'error').length, 0, body);
    }
    assert.match(extractDoc(doc('a } b } c 12.'), { parser, differential: false }).text, /c 12\./);
  });

  test(`[${parser}] unknown environments keep their text`, () => {
    const p = extractDoc(doc('\\begin{myenv}[opt]{arg} Inside 5. \\end{myenv}'), { parser });
    assert.match(p.text, /Inside 5\./);
  });

  test(`[${parser}] recursive macros and self-including files stop with a note`, () => {
    const p = extractDoc(doc('\\loop 1', '\\newcommand{\\loop}{\\loop x}\n'), { parser });
    assert.ok(p.notes.some((n) => n.level === 'warning'));
    const q = extractFiles({ 'main.tex': doc('\\input{a}'), 'a.tex': 'A \\input{a}' }, 'main.tex', { parser });
    assert.ok(q.notes.some((n) => /includes itself/.test(n.message)));
  });
}

test('binary junk gives a note and no text', () => {
  const junk = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
  const p = extractLatex(junk, 'file:///project/junk.tex');
  assert.equal(p.text, '');
  assert.ok(p.notes.some((n) => n.level === 'warning'));
});

test('random bytes decoded as UTF-8 never throw', () => {
  let seed = 42;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let k = 0; k < 20; k++) {
    const bytes = Buffer.from(Array.from({ length: 2000 }, () => Math.floor(rnd() * 128)));
    const s = bytes.toString('utf8').replace(/\0/g, '');
    const p = extractLatex(s, 'file:///project/r.tex');
    assert.equal(typeof p.text, 'string');
  }
});

test('a 5 MB single line finishes in a few seconds', () => {
  const sentence = 'We measured 42{,}000 samples (78\\% of \\(n = 3\\times 4\\)) in \\SI{60}{\\kilo\\gram} mice {[}1{]}. ';
  const line = sentence.repeat(Math.ceil(5_000_000 / sentence.length));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const p = extractLatex(doc(line), 'file:///project/big.tex');
  const ms = performance.now() - t0;
  const cpuMs = process.cpuUsage(cpu0).user / 1000;
  // CPU time is the stable measure on a shared machine; wall time only guards against hangs (a
  // loaded 2-core machine stretched 20 s of work past a minute).
  assert.ok(cpuMs < 15000, `used ${cpuMs} ms of CPU`);
  assert.ok(ms < 300000, `took ${ms} ms`);
  assert.ok(p.text.length > 3_000_000);
  // The tokenizer is the default front end: no note that a fallback was used.
  assert.ok(!p.notes.some((n) => /tokenizer/.test(n.message)));
  // The map is still exact at the far end of the line.
  const at = p.text.lastIndexOf('42,000');
  const r = p.map.toSource(at, at + 6);
  assert.equal(r.start.line, 2);
  assert.equal(line.slice(r.start.character, r.end.character), '42{,}000');
});

test("parser 'auto' notes the files it reads with the tokenizer instead of unified-latex", () => {
  const p = extractLatex(doc('Sentence 12. '.repeat(10_000)), 'file:///project/auto.tex', { parser: 'auto' });
  assert.ok(p.notes.some((n) => n.level === 'info' && /tokenizer/.test(n.message) && /large/.test(n.message)));
});

test('maxBytes truncates with a note', () => {
  const p = extractLatex(doc('Para 1. '.repeat(1000)), 'file:///project/m.tex', { maxBytes: 500 });
  assert.ok(p.notes.some((n) => /limit/.test(n.message)));
  assert.ok(p.text.length < 600);
});

test('toSource never throws and clamps', () => {
  const p = extractDoc(doc('Short 1.'));
  for (const [a, b] of [[-5, 2], [0, 1e9], [1e9, 1e9 + 2], [3, 1]]) {
    const r = p.map.toSource(a, b);
    assert.equal(r.uri, 'file:///project/main.tex');
  }
  const empty = extractLatex('', 'file:///project/e.tex');
  assert.equal(empty.text, '');
  assert.equal(empty.map.toSource(0, 0).uri, 'file:///project/e.tex');
});
