// extractLatex: one root .tex file (and what it includes) → PaperText.

import type { CheckNote, PaperText, SelectiveSuppression, TextSpan } from '../types.ts';
import { Converter } from './convert.ts';
import { expandNodes, newContext, parseFile } from './expand.ts';
import type { ParserChoice } from './parse.ts';
import { pushAll } from './nesting.ts';
import { mergeSpans, SegmentList, SegmentMap } from './source-map.ts';
import { suppressionDirectives } from './suppress.ts';

export interface ExtractOptions {
  /**
   * Reads an included file by URI; undefined when it does not exist. May throw FileRefused (files.ts)
   * for a file outside the paper's project, which becomes a note naming it.
   */
  readFile?: (uri: string) => string | undefined;
  /** Limit on the characters read across all files (default 20 MB). */
  maxBytes?: number;
  /** Which front end: the tokenizer ('simple', default), unified-latex ('unified', the slow reference), or unified-latex for small files ('auto'). */
  parser?: ParserChoice;
}

export function extractLatex(source: string, uri: string, opts: ExtractOptions = {}): PaperText {
  try {
    return extract(source, uri, opts);
  } catch (e) {
    // Never throw at the caller: an empty paper with the reason.
    const note: CheckNote = { level: 'error', message: `The LaTeX extractor failed on this file: ${(e as Error)?.message ?? String(e)}`, uri };
    const empty = new SegmentMap(new SegmentList(), [{ uri, text: source }], 0);
    return { uri, text: '', map: empty, blocks: [], tables: [], notes: [note], files: [uri], suppressed: [] };
  }
}

function extract(source: string, uri: string, opts: ExtractOptions): PaperText {
  const maxBytes = opts.maxBytes ?? 20_000_000;
  let root = source;
  const notes: CheckNote[] = [];
  if (root.length > maxBytes) {
    notes.push({ level: 'warning', message: `The file is larger than the ${Math.round(maxBytes / 1e6)} MB limit; only its first part is checked.`, uri, partial: true });
    root = root.slice(0, maxBytes);
  }
  const ctx = newContext(uri, root, { readFile: opts.readFile, maxBytes, parser: opts.parser });
  const nodes = parseFile(ctx, root, 0, uri, false);
  const expanded = expandNodes(nodes, ctx);
  const conv = new Converter();
  conv.document(expanded);
  const b = conv.b;
  if (ctx.fallbacks.length > 0) {
    const names = ctx.fallbacks.map((f) => f.uri.split('/').pop()).join(', ');
    const reasons = [...new Set(ctx.fallbacks.map((f) => f.reason))].join('; ');
    notes.push({ level: 'info', message: `Read with the simple LaTeX tokenizer instead of the full parser (${reasons}): ${names}.`, uri });
  }
  const files = ctx.files.map((f) => ({ uri: f.uri, text: f.text }));
  b.segs.trim();
  const map = new SegmentMap(b.segs, files, b.length);
  const suppressed: TextSpan[] = [];
  const suppressedOnly: SelectiveSuppression[] = [];
  ctx.files.forEach((f, i) => {
    const { all, selective } = suppressionDirectives(f.text);
    pushAll(suppressed, map.textSpansFor(i, all));
    for (const line of selective) {
      const spans = map.textSpansFor(i, [[line.start, line.end]]);
      if (spans.length) suppressedOnly.push({ start: spans.reduce((m, x) => Math.min(m, x.start), Infinity), end: spans.reduce((m, x) => Math.max(m, x.end), -Infinity), only: line.only });
    }
  });
  return {
    uri,
    text: b.text,
    map,
    blocks: b.blocks,
    tables: b.tables,
    notes: [...notes, ...ctx.notes],
    files: ctx.files.filter((f) => f.contributes).map((f) => f.uri),
    suppressed: joinAcrossSeparators(mergeSpans(suppressed), b.text),
    suppressedOnly,
  };
}

/** Suppressed regions separated only by whitespace (paragraph breaks) are one region. */
function joinAcrossSeparators(spans: TextSpan[], text: string): TextSpan[] {
  const out: TextSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && /^\s*$/.test(text.slice(last.end, s.start))) last.end = s.end;
    else out.push({ ...s });
  }
  return out;
}
