// Golden tests: the checkable text for small inputs, and where its pieces map back to.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, extractDoc, extractFiles, loc, sourceOf } from './helpers.ts';

const PARSERS = ['unified', 'simple'] as const;

for (const parser of PARSERS) {
  test(`[${parser}] prose: comments, ~, {,}, \\%, line breaks, paragraphs`, () => {
    const src = doc('We counted 42{,}000 mice~and 420\\,000 rats (78\\%). % a comment\nNext line\\ here.\n\nSecond paragraph.');
    const p = extractDoc(src, { parser });
    assert.equal(p.text, 'We counted 42,000 mice and 420\u2009000 rats (78%). Next line here.\n\nSecond paragraph.');
    assert.equal(loc(p, '42,000'), 'main.tex:2:11-2:19');
    assert.equal(sourceOf(p, { 'main.tex': src }, '(78%)'), '(78\\%)');
    assert.equal(sourceOf(p, { 'main.tex': src }, 'Second'), 'Second');
    assert.deepEqual(p.blocks.map((b) => b.kind), ['paragraph', 'paragraph']);
    assert.equal(p.notes.filter((n) => n.level !== 'info').length, 0);
  });

  test(`[${parser}] sections, abstract, footnotes, items, captions`, () => {
    const src = doc([
      '\\begin{abstract}We study 12 mice.\\end{abstract}',
      '\\section{Intro}\\label{s:intro}',
      'Text with a note\\footnote{Note 5 here.} and more.',
      '\\begin{itemize}\\item First 1 \\item[b)] Second 2\\end{itemize}',
      '\\subsection*{Methods \\& data}',
      'See Table~\\ref{t:1} and \\citep[p.~3]{smith2020}.',
      '\\begin{figure}\\centering\\includegraphics{a.png} Ignored 99 \\caption{Mass in 2020.}\\end{figure}',
    ].join('\n'));
    const p = extractDoc(src, { parser });
    assert.equal(
      p.text,
      'We study 12 mice.\n\nIntro\n\nText with a note and more.\n\nNote 5 here.\n\nFirst 1\n\nb) Second 2\n\nMethods & data\n\nSee Table [ref] and [cite].\n\nMass in 2020.',
    );
    assert.deepEqual(
      p.blocks.map((b) => `${b.kind}:${b.section}`),
      ['paragraph:Abstract', 'heading:Intro', 'paragraph:Intro', 'footnote:Intro', 'item:Intro', 'item:Intro', 'heading:Methods & data', 'paragraph:Methods & data', 'caption:Methods & data'],
    );
    for (const b of p.blocks) assert.equal(p.text.slice(b.start, b.end).trim(), p.text.slice(b.start, b.end));
  });

  test(`[${parser}] math linearisation`, () => {
    const src = doc(
      '\\(x = 3\\times 4\\), $a \\cdot b \\pm c \\approx d \\le e \\geq f \\neq g < h$, ' +
        '$\\chi^2(28) = 41.3$, $\\eta^{2}_{p} = .06$, $10^{-3}$, $\\frac{1}{2}$, $\\frac{a+b}{c}$, $\\sqrt{x}$, ' +
        '$\\left(1 - 2\\right)$, $\\text{total} = 5$, $\\mathrm{kg}$, $\\alpha\\beta\\mu$, $x^\\circ$.',
    );
    const p = extractDoc(src, { parser });
    assert.equal(
      p.text,
      'x = 3 × 4, a · b ± c ≈ d ≤ e ≥ f ≠ g < h, χ^2(28) = 41.3, η^2_p = .06, 10^-3, 1/2, (a + b)/(c), sqrt(x), (1 - 2), total = 5, kg, αβμ, x°.',
    );
    assert.equal(sourceOf(p, { 'main.tex': src }, '×'), '\\times');
    assert.equal(sourceOf(p, { 'main.tex': src }, '41.3'), '41.3');
    assert.equal(sourceOf(p, { 'main.tex': src }, 'χ'), '\\chi');
  });

  test(`[${parser}] display math and align`, () => {
    const src = doc('Before\n\\begin{align}\na &= b + 1 \\\\\nc &= 2 \\label{eq:x}\n\\end{align}\nafter \\[ y = 2 \\]');
    const p = extractDoc(src, { parser });
    assert.equal(p.text, 'Before\n\na = b + 1; c = 2\n\nafter\n\ny = 2');
    assert.deepEqual(p.blocks.map((b) => b.kind), ['paragraph', 'display-math', 'paragraph', 'display-math']);
  });

  test(`[${parser}] macros: no-argument values, arguments, \\def, unknown macros`, () => {
    const src = doc(
      'A \\bodymass~kg person took \\dose{7}{ng} daily; \\unknownmacro{kept 3} and \\half.',
      '\\newcommand{\\bodymass}{60}\n\\newcommand\\dose[2]{#1 #2/kg}\n\\def\\half{0.5}\n',
    );
    const p = extractDoc(src, { parser });
    assert.equal(p.text, 'A 60 kg person took 7 ng/kg daily; kept 3 and 0.5.');
    assert.equal(sourceOf(p, { 'main.tex': src }, '60'), '\\bodymass');
    assert.equal(sourceOf(p, { 'main.tex': src }, '7'), '7');
    assert.equal(sourceOf(p, { 'main.tex': src }, '0.5'), '\\half');
  });

  test(`[${parser}] siunitx`, () => {
    const src = doc(
      '\\num{5.0}, \\num{1.5e6}, \\SI{60}{\\kilo\\gram}, \\qty{60}{\\kilo\\gram}, \\SI{2.1}{\\micro\\gram\\per\\gram}, \\si{\\milli\\litre}, ' +
        '\\SIrange{1}{2}{\\kilo\\gram}, \\numrange{3}{4}, \\SI{30}{\\percent}, 5\\percent, \\SI{7000}{\\nano\\gram\\per\\kilo\\gram\\per\\day}, \\SI{3}{\\metre\\squared}.',
    );
    const p = extractDoc(src, { parser });
    assert.equal(p.text, '5.0, 1.5 × 10^6, 60 kg, 60 kg, 2.1 µg/g, mL, 1 kg to 2 kg, 3 to 4, 30%, 5%, 7000 ng/kg/day, 3 m^2.');
    assert.equal(sourceOf(p, { 'main.tex': src }, '5.0'), '5.0');
    assert.equal(sourceOf(p, { 'main.tex': src }, '1.5'), '1.5');
  });

  test(`[${parser}] Pandoc brackets, quotes, dashes, accents`, () => {
    const p = extractDoc(doc(String.raw`CI {[}0.10, 0.50{]}, ` + "``quoted'' 1--3 --- " + String.raw`\'e\"o M\"{u}ller, 5\textendash 6, \textminus 2.`), { parser });
    assert.equal(p.text, 'CI [0.10, 0.50], “quoted” 1–3 — éö Müller, 5–6, −2.');
  });

  test(`[${parser}] skipped material: preamble, verbatim, comment env, bibliography, figures`, () => {
    const src = doc(
      'Kept 1.\n\\begin{verbatim}\nnot 2 \\{\n\\end{verbatim}\n\\begin{comment}\nnot 3\n\\end{comment}\n\\iffalse not 4 \\fi\nKept 5.\n\\begin{thebibliography}{9}\\bibitem{a} Not 6.\\end{thebibliography}',
      '\\title{Not a paragraph 7}\n\\usepackage{amsmath}\n',
    );
    const p = extractDoc(src, { parser });
    assert.equal(p.text, 'Kept 1. Kept 5.');
  });

  test(`[${parser}] \\input, \\include, \\subfile, \\import and a macro wrapping \\input, mapped per file`, () => {
    const files = {
      'main.tex': doc(
        'Root 1.\n\\input{sec/a}\n\\include{b.tex}\n\\PlainInput{c}\n\\Wrap{d}\n\\import{sub/}{e}\n\\subfile{f}\nRoot end.',
        '\\makeatletter\n\\let\\PlainInput=\\@@input\n\\makeatother\n\\newcommand{\\Wrap}[1]{\\input{#1}}\n',
      ),
      'sec/a.tex': 'In a 2.\n',
      'b.tex': 'In b 3.',
      'c.tex': 'In c 4.',
      'd.tex': '\n\nIn d 5.',
      'sub/e.tex': 'In e 6.',
      'f.tex': '\\documentclass[main]{subfiles}\n\\begin{document}\nIn f 7.\n\\end{document}',
    };
    const p = extractFiles(files, 'main.tex', { parser });
    assert.match(p.text, /Root 1\. In a 2\. In b 3\. In c 4\.\n\nIn d 5\. In e 6\.(\n\n| )In f 7\. Root end\./);
    assert.equal(loc(p, 'a 2'), 'sec/a.tex:0:3-0:6');
    assert.equal(loc(p, 'b 3'), 'b.tex:0:3-0:6');
    assert.equal(loc(p, 'c 4'), 'c.tex:0:3-0:6');
    assert.equal(loc(p, 'd 5'), 'd.tex:2:3-2:6');
    assert.equal(loc(p, 'e 6'), 'sub/e.tex:0:3-0:6');
    assert.equal(loc(p, 'f 7'), 'f.tex:2:3-2:6');
    assert.equal(loc(p, 'Root end'), 'main.tex:13:0-13:8');
    assert.deepEqual(p.files.map((f) => f.slice('file:///project/'.length)).sort(), ['b.tex', 'c.tex', 'd.tex', 'f.tex', 'main.tex', 'sec/a.tex', 'sub/e.tex']);
    assert.deepEqual(p.notes.filter((n) => n.level !== 'info'), []);
  });

  test(`[${parser}] a local package's \\let alias of \\@@input is followed`, () => {
    const files = {
      'main.tex': doc('\\begin{tabular}{ll}\n\\PlainInput{t}\n\\end{tabular}', '\\usepackage{assets/main}\n'),
      'assets/main.sty': '\\makeatletter\n\\let\\PlainInput=\\@@input\n\\makeatother\n',
      't.tex': 'a & 1\\\\\nb & 2\\\\\n',
    };
    const p = extractFiles(files, 'main.tex', { parser });
    assert.equal(p.text, 'a | 1\nb | 2');
    assert.equal(loc(p, '2'), 't.tex:1:4-1:5');
  });

  test(`[${parser}] missing \\input file gives a note, not a crash`, () => {
    const p = extractDoc(doc('Before.\n\\input{nowhere}\nAfter.'), { parser });
    assert.equal(p.text, 'Before. After.');
    const warn = p.notes.find((n) => n.level === 'warning');
    assert.ok(warn, 'a warning note');
    assert.match(warn.message, /nowhere/);
    assert.equal(warn.range?.start.line, 3);
  });
}
