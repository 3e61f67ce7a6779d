// A paper's title and heading in a report, read from the LaTeX source with a few string steps
// (no LaTeX reader: the report and the CLI's main thread use them).

import path from 'node:path';

/** The text of a balanced {...} group starting at `open` (the index of '{'). */
function braceGroup(text: string, open: number): string | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  return undefined;
}

/** A paper's \title as plain text: footnotes and line breaks dropped, macros unwrapped. */
export function paperTitle(source: string): string | undefined {
  const text = source.replace(/(?<!\\)%.*$/gm, '');
  const m = /\\title\s*(?:\[[^\]]*\]\s*)?\{/.exec(text);
  if (!m) return undefined;
  const raw = braceGroup(text, m.index + m[0].length - 1);
  if (raw === undefined) return undefined;
  let plain = raw.replace(/\\(?:thanks|footnote)\s*\{/g, '\u0000{');
  // Drop \thanks{...}/\footnote{...} with their balanced argument.
  for (let at = plain.indexOf('\u0000'); at >= 0; at = plain.indexOf('\u0000')) {
    const body = braceGroup(plain, at + 1) ?? '';
    plain = plain.slice(0, at) + plain.slice(at + 1 + body.length + 2);
  }
  plain = plain
    .replace(/\\\\(\[[^\]]*\])?/g, ' ')
    .replace(/\\[a-zA-Z]+\*?/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/[{}~$]/g, (c) => (c === '~' ? ' ' : ''))
    .replace(/\s+/g, ' ')
    .trim();
  return plain || undefined;
}

/** A paper's heading in a report: its title, else its path relative to the workspace folder. */
export function paperHeading(paper: { root: string; title?: string }, folder?: string): string {
  if (paper.title) return paper.title;
  return folder ? path.relative(folder, paper.root) || path.basename(paper.root) : path.basename(paper.root);
}
