// Tables: grids with cells located in the text, \multicolumn spans, rules and spacing dropped.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, extractDoc, extractFiles, loc } from './helpers.ts';

for (const parser of ['unified', 'simple'] as const) {
  test(`[${parser}] tabular in a table float: caption, multicolumn, rules, hspace, makecell`, () => {
    const src = doc([
      'Intro text.',
      '\\begin{table}[h]',
      '\\centering',
      '\\caption{Doses by group (N = 209)}\\label{t:doses}',
      '\\begin{tabular}{l|cc}',
      '\\toprule',
      '\\multicolumn{1}{c}{} & \\multicolumn{2}{c}{Dose} \\\\',
      '\\cmidrule(lr){2-3}',
      'Group & Low & High \\\\ \\midrule',
      '\\hspace{1em}A & 24 (11\\%) & \\num{1.5} \\\\',
      '\\hspace{1em}B & \\multirow{2}{*}{77} & \\makecell{4\\\\5} \\\\',
      '\\hline',
      '\\end{tabular}',
      '\\end{table}',
      'After.',
    ].join('\n'));
    const p = extractDoc(src, { parser });
    assert.equal(p.text, 'Intro text.\n\nDoses by group (N = 209)\n\n | Dose\nGroup | Low | High\nA | 24 (11%) | 1.5\nB | 77 | 4 5\n\nAfter.');
    assert.equal(p.tables.length, 1);
    const t = p.tables[0];
    assert.equal(t.caption, 'Doses by group (N = 209)');
    assert.deepEqual(
      t.rows.map((r) => r.map((c) => [c.text, c.column, c.colspan])),
      [
        [['', 0, 1], ['Dose', 1, 2]],
        [['Group', 0, 1], ['Low', 1, 1], ['High', 2, 1]],
        [['A', 0, 1], ['24 (11%)', 1, 1], ['1.5', 2, 1]],
        [['B', 0, 1], ['77', 1, 1], ['4 5', 2, 1]],
      ],
    );
    for (const row of t.rows) for (const c of row) assert.equal(p.text.slice(c.start, c.end), c.text);
    assert.equal(p.text.slice(t.start, t.end), ' | Dose\nGroup | Low | High\nA | 24 (11%) | 1.5\nB | 77 | 4 5');
    assert.deepEqual(p.blocks.map((b) => b.kind), ['paragraph', 'caption', 'table', 'paragraph']);
    assert.equal(loc(p, '24 (11%)'), 'main.tex:11:16-11:25');
    assert.equal(loc(p, '77'), 'main.tex:12:32-12:34');
  });

  test(`[${parser}] table rows from an \\input file inside tabular, and longtable heads`, () => {
    const files = {
      'main.tex': doc(
        '\\begin{table}\\caption{Rates}\\begin{tabular}{ll}\n\\PlainInput{rows}\n\\end{tabular}\\end{table}\n' +
          '\\begin{longtable}{ll}\\caption{Long}\\\\\nH1 & H2\\\\\\endfirsthead\nH1 & H2 (cont.)\\\\\\endhead\nmore\\\\\\endfoot\n\\endlastfoot\nx & 1\\\\\ny & 2\\\\\n\\end{longtable}',
        '\\newcommand{\\PlainInput}[1]{\\input{#1}}\n',
      ),
      'rows.tex': 'a & 10\\%\\\\\n\\hline\nb & 90\\%\\\\\n',
    };
    const p = extractFiles(files, 'main.tex', { parser });
    assert.deepEqual(p.tables.map((t) => t.caption), ['Rates', 'Long']);
    assert.deepEqual(p.tables[0].rows.map((r) => r.map((c) => c.text)), [['a', '10%'], ['b', '90%']]);
    assert.deepEqual(p.tables[1].rows.map((r) => r.map((c) => c.text)), [['H1', 'H2'], ['x', '1'], ['y', '2']]);
    assert.equal(loc(p, '90%'), 'rows.tex:2:4-2:8');
  });

  test(`[${parser}] threeparttable, tabularx, resizebox and table notes`, () => {
    const src = doc(
      '\\begin{table}\\begin{threeparttable}\\caption{T}\\resizebox{\\linewidth}{!}{\\begin{tabularx}{\\textwidth}{lX}a & $p < .05$\\tnote{a} \\\\\\end{tabularx}}' +
        '\\begin{tablenotes}\\item[a] Note 1.\\end{tablenotes}\\end{threeparttable}\\end{table}',
    );
    const p = extractDoc(src, { parser });
    assert.deepEqual(p.tables[0].rows.map((r) => r.map((c) => c.text)), [['a', 'p < .05']]);
    assert.equal(p.tables[0].caption, 'T');
    assert.match(p.text, /a\) ?Note 1\.|a Note 1\./);
  });
}
