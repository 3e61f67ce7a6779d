// Hostile inputs for the fuzz tests, seeded from real papers: mutated PDFs (truncation, byte flips,
// stream-length and xref corruption, deflate corruption, deeply nested content operators) and
// pathological LaTeX (unbalanced and deep groups, \def recursion, \input loops and fan-out, huge
// lines and tables, binary junk, invalid UTF-8). Deterministic for a seed.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, '../shared/fixtures/papers');

/** mulberry32: a small seeded generator, so a failing case can be regenerated from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)];
}

export function seedPdfs(): Buffer[] {
  const files = [join(ROOT, 'examples/black-spatula.pdf')];
  if (existsSync(SHARED)) for (const p of readdirSync(SHARED).sort()) files.push(join(SHARED, p, 'pdf', 'original.pdf'));
  return files.filter(existsSync).map((f) => readFileSync(f));
}

function seedTex(): string[] {
  const out = [readFileSync(join(ROOT, 'examples/black-spatula.tex'), 'utf8')];
  const manuscript = join(SHARED, 'intergroup_contact/original/manuscript.tex');
  if (existsSync(manuscript)) out.push(readFileSync(manuscript, 'utf8'));
  return out;
}

/** A one-page PDF whose content stream is `content`, with a correct xref table. */
export function pdfWithContent(content: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const PDF_MUTATORS: Record<string, (rnd: () => number, seed: Buffer) => Buffer> = {
  truncate: (rnd, b) => b.subarray(0, Math.floor(rnd() * b.length)),
  flipBytes: (rnd, b) => {
    const out = Buffer.from(b);
    for (let k = 0, n = 1 + Math.floor(rnd() * 64); k < n; k++) out[Math.floor(rnd() * out.length)] = Math.floor(rnd() * 256);
    return out;
  },
  streamLength: (rnd, b) => Buffer.from(b.toString('latin1').replace(/\/Length \d+/g, () => `/Length ${pick(rnd, ['0', '999999999', '-5', '1'])}`), 'latin1'),
  xref: (rnd, b) => Buffer.from(b.toString('latin1').replace(/\d{10} \d{5} n/g, (m) => (rnd() < 0.3 ? `${String(Math.floor(rnd() * 1e9)).padStart(10, '0')} 00000 n` : m)).replace(/startxref\s+\d+/, 'startxref\n7'), 'latin1'),
  deflate: (rnd, b) => {
    const out = Buffer.from(b);
    const text = b.toString('latin1');
    for (let at = text.indexOf('stream'), k = 0; at >= 0 && k < 200; at = text.indexOf('stream', at + 6), k++) {
      if (rnd() < 0.5) for (let j = 0; j < 8; j++) out[Math.min(out.length - 1, at + 8 + Math.floor(rnd() * 64))] ^= 0xff;
    }
    return out;
  },
  nestedOperators: (rnd) => {
    const depth = 1000 + Math.floor(rnd() * 30000);
    const op = pick(rnd, ['q ', 'BT ', '[ ', '<< ']);
    return pdfWithContent(`${op.repeat(depth)}BT /F1 12 Tf 72 700 Td (Of 40 mice, 12 \\(45%\\) died.) Tj ET`);
  },
  hugeFont: (rnd) => pdfWithContent(`BT /F1 ${pick(rnd, ['1e17', '1e300', '-1e20', '0'])} Tf 72 700 Td (3 + 4 = 8) Tj ET BT /F1 12 Tf 72 600 Td (5 + 5 = 11) Tj ET`),
};

export function mutatePdf(seed: number, seeds: readonly Buffer[]): { name: string; data: Buffer } {
  const rnd = random(seed);
  const name = pick(rnd, Object.keys(PDF_MUTATORS));
  return { name, data: PDF_MUTATORS[name](rnd, pick(rnd, seeds)) };
}

const LATEX_MUTATORS: Record<string, (rnd: () => number, seed: string) => Record<string, string | Buffer>> = {
  unbalanced: (rnd, s) => ({ 'main.tex': s.replace(/[{}]/g, (m) => (rnd() < 0.05 ? '' : m)) + '{'.repeat(Math.floor(rnd() * 1000)) }),
  deepGroups: (rnd, s) => {
    const n = 500 + Math.floor(rnd() * 20000);
    const [open, close] = pick(rnd, [['{', '}'], ['\\begin{center}', '\\end{center}'], ['$\\frac{', '}{2}$'], ['\\textbf{', '}']]);
    return { 'main.tex': s.replace('\\end{document}', `${open.repeat(n)}1 + 1 = 3${close.repeat(n)}\n\\end{document}`) };
  },
  defRecursion: (rnd, s) => ({ 'main.tex': s.replace('\\begin{document}', `\\begin{document}${pick(rnd, ['\\def\\a{\\a\\a}\\a', '\\newcommand{\\b}{\\b x}\\b', '\\def\\c#1{\\c{#1#1}}\\c{1}', '\\let\\d\\d\\d'])}`) }),
  inputLoop: (_rnd, s) => ({ 'main.tex': s.replace('\\begin{document}', '\\begin{document}\\input{a}'), 'a.tex': '1 + 2 = 4. \\input{b}', 'b.tex': '\\input{a}\\input{main}' }),
  fanOut: (rnd, s) => ({ 'main.tex': s.replace('\\begin{document}', `\\begin{document}${'\\input{p}'.repeat(2000 + Math.floor(rnd() * 20000))}`), 'p.tex': 'Of 40, 12 (30\\%) and 3 + 4 = 8.\n' }),
  hugeLine: (rnd, s) => ({ 'main.tex': s.replace('\\end{document}', `${Array.from({ length: 20000 }, (_, i) => `${i} (${Math.floor(rnd() * 100)}\\%)`).join(', ')}.\n\\end{document}`) }),
  hugeTable: (rnd, s) => ({ 'main.tex': s.replace('\\end{document}', `\\begin{tabular}{lll}\n${Array.from({ length: 20000 }, (_, i) => `${i} & ${Math.floor(rnd() * 1e6)} & ${rnd().toFixed(3)} \\\\`).join('\n')}\nTotal & 1 & 2\n\\end{tabular}\n\\end{document}`) }),
  binaryJunk: (rnd, s) => {
    const junk = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(rnd() * 256)));
    const at = Math.floor(rnd() * s.length);
    return { 'main.tex': Buffer.concat([Buffer.from(s.slice(0, at)), junk, Buffer.from(s.slice(at))]) };
  },
  invalidUtf8: (rnd, s) => {
    const b = Buffer.from(s);
    for (let k = 0; k < 200; k++) b[Math.floor(rnd() * b.length)] = pick(rnd, [0xc0, 0xff, 0xfe, 0xed, 0x80]);
    return { 'main.tex': b };
  },
  prototypeNames: (_rnd, s) => ({ 'main.tex': s.replace('\\begin{document}', '\\begin{document}\\begin{constructor}x\\end{constructor}\\toString \\valueOf \\SI{5}{\\constructor\\gram} \\begin{__proto__}y\\end{__proto__}') }),
  hostileMath: (rnd, s) => ({ 'main.tex': s.replace('\\end{document}', `$${pick(rnd, ['10^{100000}', 'cos.constructor("return process")()', '1/0 = 3', '9'.repeat(5000) + ' + 1 = 2', 'import({x:1}) = 2'])}$ \\end{document}`) }),
};

/** Writes a mutated LaTeX project into `dir` (main.tex and any files it includes); returns the mutator's name. */
export function writeMutatedLatex(seed: number, dir: string): string {
  const rnd = random(seed);
  const name = pick(rnd, Object.keys(LATEX_MUTATORS));
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(LATEX_MUTATORS[name](rnd, pick(rnd, seedTex())))) writeFileSync(join(dir, file), text);
  return name;
}
