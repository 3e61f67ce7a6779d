// Ignore comments in the sources: `% tally-ignore-next-line`, `% tally-ignore` at the end of a
// line, and `% tally-ignore-start` … `% tally-ignore-end`. Found as source ranges, then mapped to
// spans of the checkable text.

const DIRECTIVE = /(?<!\\)%\s*tally-ignore(-next-line|-start|-end)?(?![\w-])/;

/** [start, end) source offsets of the lines whose text is suppressed. */
export function suppressedRanges(text: string): [number, number][] {
  if (!text.includes('tally-ignore')) return [];
  const lines: [number, number][] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (const m of text.matchAll(re)) {
    if (m[0] === '' && m.index >= text.length) break;
    lines.push([m.index, m.index + m[0].length]);
    if (m.index + m[0].length >= text.length) break;
  }
  const out: [number, number][] = [];
  let regionStart: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const [a, b] = lines[i];
    const m = DIRECTIVE.exec(text.slice(a, b));
    if (!m) continue;
    const kind = m[1];
    if (kind === '-next-line') {
      if (i + 1 < lines.length) out.push(lines[i + 1]);
    } else if (kind === '-start') {
      regionStart ??= a;
    } else if (kind === '-end') {
      if (regionStart !== undefined) out.push([regionStart, b]);
      regionStart = undefined;
    } else out.push([a, b]);
  }
  if (regionStart !== undefined) out.push([regionStart, text.length]);
  return out;
}
