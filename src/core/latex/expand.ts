// The expansion pass: follows \input/\include/\subfile/\import (and the paper's own macros that
// wrap them), records \newcommand/\def/\let definitions in source order, and expands uses of the
// paper's macros. Expanded text keeps the source range of the macro use.

import type { CheckNote } from '../types.ts';
import type { LNode, Src } from './ast.ts';
import { relocate } from './ast.ts';
import { Cursor, rawText, spanOf, type Arg } from './args.ts';
import { IMPORT_MACROS, INPUT_MACROS, SKIPPED_ENVS } from './names.ts';
import { limitNesting, MAX_NESTING, pushAll } from './nesting.ts';
import { FileRefused } from '../files.ts';
import { parseSource, type ParserChoice } from './parse.ts';
import { HANDLED_MACROS } from './handled.ts';
import { LineIndex } from '../text/line-index.ts';
import type { SourceFile } from './source-map.ts';

interface MacroDef {
  /** Argument spec: o (optional, with `optDefault`) and m. */
  spec: string;
  optDefault?: LNode[];
  body: LNode[];
  /** Bodies with TeX programming (conditionals, assignments) are not expanded; their arguments' text is kept. */
  opaque: boolean;
}

export interface ExpandContext {
  files: (SourceFile & { contributes: boolean })[];
  notes: CheckNote[];
  readFile?: (uri: string) => string | undefined;
  rootUri: string;
  parser?: ParserChoice;
  maxBytes: number;
  defs: Map<string, MacroDef>;
  aliases: Map<string, string>;
  includeStack: string[];
  expansions: number;
  /** Nodes copied in by macro uses so far (bounded by MAX_SUBSTITUTED). */
  substituted: number;
  bytesRead: number;
  warnedBudget: boolean;
  parsers: Set<string>;
  unifiedChars: number;
  /** Files read with the fallback tokenizer, and why (summarised in one note). */
  fallbacks: { uri: string; reason: string }[];
  /** Line indexes for note positions, built once per file. */
  lineIndexes: Map<number, LineIndex>;
  /** Files included so far (\input fan-out is bounded). */
  includes: number;
  /** Notes already given once per paper (nesting, fan-out). */
  warned: Set<string>;
}

const MAX_EXPANSIONS = 200_000;
/**
 * Nodes all macro uses may copy in, together: a macro that doubles its argument at every use
 * (\def\c#1{\c{#1#1}}) grows exponentially long before the expansion count or depth stops it.
 */
const MAX_SUBSTITUTED = 2_000_000;
const MAX_DEPTH = 40;
const MAX_INCLUDE_DEPTH = 16;
/** Inclusions per paper: a book has a few hundred; ten thousand \input's of one file are an attack. */
const MAX_INCLUDES = 1000;

const PROGRAMMING = new Set([
  'if', 'ifx', 'ifnum', 'ifdim', 'ifcase', 'ifthenelse', 'ifdefined', 'ifcsname', 'else', 'fi', 'expandafter', 'csname', 'endcsname', 'def', 'edef', 'gdef', 'xdef', 'let',
  'newcommand', 'renewcommand', 'providecommand', 'setlength', 'addtolength', 'begingroup', 'endgroup', 'global', 'setcounter', 'addtocounter', 'stepcounter',
  'refstepcounter', '@ifnextchar', '@ifstar', '@startsection', 'futurelet', 'afterassignment', 'noexpand', 'protected', 'long', 'catcode', 'makeatletter',
  'makeatother', 'ExplSyntaxOn', 'IfFileExists', 'ifstrequal', 'IfValueT', 'IfValueTF', 'IfNoValueTF', 'IfBooleanTF', 'NewDocumentCommand', 'DeclareRobustCommand',
  'newenvironment', 'renewenvironment', 'titleformat', 'titlespacing', 'parbox', 'hbox', 'vbox', 'scalerel', 'stackengine', 'usepackage', 'relax', 'ignorespaces',
]);

/** Macros the expansion pass acts on (definitions, inclusion, \iffalse); others pass through. */
const EXPANDER_MACROS = new Set([
  'newcommand', 'renewcommand', 'providecommand', 'DeclareRobustCommand', 'DeclareMathOperator', 'NewDocumentCommand', 'RenewDocumentCommand',
  'ProvideDocumentCommand', 'DeclareDocumentCommand', 'def', 'gdef', 'edef', 'xdef', 'let', 'newenvironment', 'renewenvironment', 'provideenvironment',
  'iffalse', 'usepackage', 'RequirePackage', ...INPUT_MACROS, ...IMPORT_MACROS,
]);

function isOpaque(body: readonly LNode[]): boolean {
  for (const n of body) {
    if (n.t === 'mac' && (PROGRAMMING.has(n.name) || n.name.startsWith('if') || n.name.includes('@'))) return true;
    if ((n.t === 'grp' || n.t === 'env' || n.t === 'math') && isOpaque(n.c)) return true;
  }
  return false;
}

export function newContext(rootUri: string, rootText: string, opts: { readFile?: (uri: string) => string | undefined; maxBytes?: number; parser?: ParserChoice }): ExpandContext {
  return {
    files: [{ uri: rootUri, text: rootText, contributes: true }],
    notes: [],
    readFile: opts.readFile,
    rootUri,
    parser: opts.parser,
    maxBytes: opts.maxBytes ?? 20_000_000,
    defs: new Map(),
    aliases: new Map(),
    includeStack: [rootUri],
    expansions: 0,
    substituted: 0,
    bytesRead: rootText.length,
    warnedBudget: false,
    parsers: new Set(),
    unifiedChars: 0,
    fallbacks: [],
    lineIndexes: new Map(),
    includes: 0,
    warned: new Set(),
  };
}

function rangeOf(ctx: ExpandContext, src: Src): { uri: string; range: { uri: string; start: { line: number; character: number }; end: { line: number; character: number } } } {
  const f = ctx.files[src.file];
  let idx = ctx.lineIndexes.get(src.file);
  if (!idx) ctx.lineIndexes.set(src.file, (idx = new LineIndex(f.text)));
  return { uri: f.uri, range: { uri: f.uri, start: idx.positionAt(src.start), end: idx.positionAt(src.end) } };
}

/** Name of the macro a definition names: `\foo`, `{\foo}`. */
function definedName(arg: Arg | undefined): string | undefined {
  if (!arg) return undefined;
  const first = arg.c.find((n) => n.t !== 'ws');
  return first?.t === 'mac' ? first.name : undefined;
}

function resolve(ctx: ExpandContext, name: string): string {
  let n = name;
  for (let k = 0; k < 10 && ctx.aliases.has(n); k++) n = ctx.aliases.get(n)!;
  return n;
}

/** A note, given once per paper, that a limit left part of the paper out. */
function warnOnce(ctx: ExpandContext, key: string, message: string, src: Src): void {
  if (ctx.warned.has(key)) return;
  ctx.warned.add(key);
  ctx.notes.push({ level: 'warning', message, ...rangeOf(ctx, src), partial: true });
}

/**
 * One node list being expanded: the explicit stack's frame. `depth` counts nested macro expansions
 * and `nest` the groups around the list; `deliver` hands the expanded list to whoever asked for it.
 */
interface Frame {
  nodes: readonly LNode[];
  cur: Cursor;
  /** Copy-on-write: while nothing has changed, `out` is not built and `nodes` is the result. */
  out: LNode[] | undefined;
  depth: number;
  nest: number;
  deliver: (expanded: LNode[]) => void;
  /** Runs when the list is done (an included file leaves the include stack). */
  leave?: () => void;
}

function frame(nodes: readonly LNode[], depth: number, nest: number, deliver: (expanded: LNode[]) => void, leave?: () => void): Frame {
  return { nodes, cur: new Cursor(nodes), out: undefined, depth, nest, deliver, leave };
}

function copyUpTo(f: Frame, k: number): LNode[] {
  return (f.out ??= f.nodes.slice(0, k));
}

/** Where an expanded list goes when it replaces a macro use or an \input: appended to the caller's output. */
function appendTo(f: Frame): (expanded: LNode[]) => void {
  return (expanded) => pushAll(f.out!, expanded);
}

/**
 * Expands a node list with an explicit stack of frames (groups, macro bodies, included files), so
 * neither deep nesting nor long chains of macros reach the JavaScript stack. Groups deeper than
 * MAX_NESTING and macro expansions deeper than MAX_DEPTH are left out with a note.
 */
export function expandNodes(nodes: readonly LNode[], ctx: ExpandContext, depth = 0, nest = 0): LNode[] {
  let result: LNode[] = nodes as LNode[];
  const stack: Frame[] = [frame(nodes, depth, nest, (expanded) => (result = expanded))];
  while (stack.length) {
    const f = stack[stack.length - 1];
    if (f.cur.done) {
      stack.pop();
      f.leave?.();
      f.deliver(f.out ?? (f.nodes as LNode[]));
      continue;
    }
    const child = step(f, ctx);
    if (child) stack.push(child);
  }
  return result;
}

/** Expands the next node of `f`; returns a frame to expand first when the node has a list of its own. */
function step(f: Frame, ctx: ExpandContext): Frame | undefined {
  const cur = f.cur;
  const at = cur.i;
  const n = cur.next()!;
  if (n.t === 'grp' || n.t === 'math' || (n.t === 'env' && !SKIPPED_ENVS.has(n.name))) {
    if (f.nest >= MAX_NESTING) {
      warnOnce(ctx, 'nesting', `Groups nest more than ${MAX_NESTING} levels deep here (more than TeX allows); the deeper text is left out.`, n.src);
      copyUpTo(f, at);
      return undefined;
    }
    return frame(n.c, f.depth, f.nest + 1, (c) => {
      if (c !== n.c) copyUpTo(f, at).push({ ...n, c });
      else f.out?.push(n);
    });
  }
  if (n.t !== 'mac') {
    f.out?.push(n);
    return undefined;
  }
  // The paper's own definition of this name first; an alias made by \let stands for the
  // built-in meaning its target had (so \let\old\x then \def\x{\old…} does not loop).
  const own = ctx.defs.get(n.name);
  const name = own ? n.name : resolve(ctx, n.name);
  if (!own && name === n.name && !EXPANDER_MACROS.has(name)) {
    f.out?.push(n);
    return undefined;
  }
  const out = copyUpTo(f, at);
  if (!own && defineOrSkip(ctx, cur, name, n.src)) return undefined;
  if (!own && (INPUT_MACROS.has(name) || IMPORT_MACROS.has(name))) {
    const file = include(ctx, cur, n, name);
    if (!file) return undefined;
    return frame(file.nodes, f.depth, f.nest, appendTo(f), () => ctx.includeStack.pop());
  }
  if (own) return expandUse(f, ctx, n as Extract<LNode, { t: 'mac' }>, own);
  out.push(name === n.name ? n : { ...n, name });
  return undefined;
}

/** A use of one of the paper's macros: its body with the arguments in place, expanded one level deeper. */
function expandUse(f: Frame, ctx: ExpandContext, n: Extract<LNode, { t: 'mac' }>, def: MacroDef): Frame | undefined {
  ctx.expansions++;
  const args = readArgs(f.cur, def);
  const use = spanOf(n.src, args);
  if (!def.opaque) ctx.substituted += substitutedSize(def.body, args, MAX_SUBSTITUTED - ctx.substituted + 1);
  if (f.depth >= MAX_DEPTH || ctx.expansions > MAX_EXPANSIONS || ctx.substituted > MAX_SUBSTITUTED) {
    if (!ctx.warnedBudget) {
      ctx.warnedBudget = true;
      ctx.notes.push({ level: 'warning', message: `Macro \\${n.name} expands too deeply, too often or into too much text (the paper's macros together); its text is left out.`, ...rangeOf(ctx, n.src), partial: true });
    }
    return undefined;
  }
  // An opaque macro keeps the text of its braced arguments, as any unknown macro does.
  const body = def.opaque ? args.filter((a): a is Arg => !!a && a.open !== '[').map((a): LNode => ({ t: 'grp', c: a.c, src: a.src })) : substitute(def.body, args, use);
  return frame(body, f.depth + 1, f.nest, appendTo(f));
}

/**
 * Definitions, \iffalse and packages: reads what they take from the cursor and records it.
 * Returns false when `name` is none of these.
 */
function defineOrSkip(ctx: ExpandContext, cur: Cursor, name: string, src: Src): boolean {
  switch (name) {
    case 'newcommand':
    case 'renewcommand':
    case 'providecommand':
    case 'DeclareRobustCommand':
    case 'DeclareMathOperator': {
      cur.star();
      const target = definedName(cur.mandatory());
      if (name === 'DeclareMathOperator') {
        const body = cur.mandatory();
        if (target && body) define(ctx, target, { spec: '', body: [{ t: 'mac', name: 'mathrm', src }, { t: 'grp', c: body.c, src: body.src }], opaque: false }, name);
        return true;
      }
      const count = cur.optional();
      const dflt = cur.optional();
      const body = cur.mandatory();
      const nargs = Math.min(9, Number(count ? rawText(count.c).trim() : '0') || 0);
      const spec = (dflt && nargs > 0 ? 'o' : '') + 'm'.repeat(Math.max(0, nargs - (dflt && nargs > 0 ? 1 : 0)));
      if (target && body) define(ctx, target, { spec, optDefault: dflt?.c, body: body.c, opaque: isOpaque(body.c) }, name);
      return true;
    }
    case 'NewDocumentCommand':
    case 'RenewDocumentCommand':
    case 'ProvideDocumentCommand':
    case 'DeclareDocumentCommand': {
      const target = definedName(cur.mandatory());
      const specArg = cur.mandatory();
      const body = cur.mandatory();
      const spec = rawText(specArg?.c ?? []).replace(/[^mosO]/g, '').replace(/O/g, 'o');
      if (target && body) define(ctx, target, { spec, body: body.c, opaque: isOpaque(body.c) }, name);
      return true;
    }
    case 'def':
    case 'gdef':
    case 'edef':
    case 'xdef': {
      const nameNode = cur.next();
      let nargs = 0;
      while (!cur.done && cur.peek()!.t !== 'grp') {
        const p = cur.next()!;
        if (p.t === 'param') nargs++;
        if (p.t === 'par') break;
      }
      const body = cur.peek()?.t === 'grp' ? cur.next() : undefined;
      if (nameNode?.t === 'mac' && body?.t === 'grp') define(ctx, nameNode.name, { spec: 'm'.repeat(nargs), body: body.c, opaque: isOpaque(body.c) }, name);
      return true;
    }
    case 'let': {
      const a = cur.next();
      let b = cur.next();
      while (b && (b.t === 'ws' || (b.t === 'str' && b.s === '='))) b = cur.next();
      if (a?.t === 'mac' && b?.t === 'mac' && !HANDLED_MACROS.has(a.name)) {
        const def = ctx.defs.get(b.name);
        if (def) ctx.defs.set(a.name, def);
        else {
          ctx.defs.delete(a.name);
          ctx.aliases.set(a.name, resolve(ctx, b.name));
        }
      }
      return true;
    }
    case 'newenvironment':
    case 'renewenvironment':
    case 'provideenvironment':
      cur.star();
      cur.args('moomm');
      return true;
    case 'iffalse': {
      // \iffalse … \fi: commented-out text.
      let level = 1;
      while (!cur.done && level > 0) {
        const m = cur.next()!;
        if (m.t === 'mac' && m.name === 'fi') level--;
        else if (m.t === 'mac' && /^if/.test(m.name)) level++;
      }
      return true;
    }
    case 'usepackage':
    case 'RequirePackage': {
      cur.optional();
      const pkgs = cur.mandatory();
      for (const pkg of rawText(pkgs?.c ?? []).split(',').map((s) => s.trim()).filter(Boolean)) loadPackage(ctx, pkg);
      return true;
    }
  }
  return false;
}

function define(ctx: ExpandContext, name: string, def: MacroDef, how: string): void {
  // The extractor's own handling of structural macros (\section, \caption, \SI...) wins over
  // preamble redefinitions, which are about typesetting.
  if (HANDLED_MACROS.has(name)) return;
  if (how === 'providecommand' && ctx.defs.has(name)) return;
  ctx.aliases.delete(name);
  ctx.defs.set(name, def);
}

function readArgs(cur: Cursor, def: MacroDef): (Arg | undefined)[] {
  const args = cur.args(def.spec);
  if (def.spec.startsWith('o') && !args[0] && def.optDefault) args[0] = { open: '[', c: def.optDefault, src: { file: 0, start: 0, end: 0, exact: false } };
  return args;
}

/** The body with #k replaced by the arguments; body text is re-pointed at the macro use. */
/** How many nodes substitute() would build for this use, counted up to `cap` (so the count stays cheap). */
function substitutedSize(body: readonly LNode[], args: readonly (Arg | undefined)[], cap: number): number {
  let size = 0;
  const stack: (readonly LNode[])[] = [body];
  while (stack.length && size < cap) {
    for (const b of stack.pop()!) {
      if (b.t === 'param') size += args[b.n - 1]?.c.length ?? 0;
      else {
        size++;
        if (b.t === 'grp' || b.t === 'env' || b.t === 'math') stack.push(b.c);
      }
    }
  }
  return size;
}

function substitute(body: readonly LNode[], args: readonly (Arg | undefined)[], use: Src): LNode[] {
  const out: LNode[] = [];
  for (const b of body) {
    if (b.t === 'param') {
      const a = args[b.n - 1];
      if (a) pushAll(out, a.c);
    } else if (b.t === 'grp' || b.t === 'env' || b.t === 'math') out.push({ ...b, src: use, c: substitute(b.c, args, use) });
    else out.push(relocate(b, use));
  }
  return out;
}

function joinUri(base: string, rel: string): string | undefined {
  try {
    return new URL(rel.replace(/\\/g, '/'), base).href;
  } catch {
    return undefined;
  }
}

interface Candidate {
  uri: string;
  text?: string;
  /** Why the reader would not read it (outside the project, not a regular file). */
  refused?: string;
}

function readCandidates(ctx: ExpandContext, uris: string[]): Candidate | undefined {
  let refused: Candidate | undefined;
  for (const uri of uris) {
    try {
      const text = ctx.readFile?.(uri);
      if (text !== undefined) return { uri, text };
    } catch (e) {
      // A refused file is named in a note; any other unreadable file is reported as missing.
      if (e instanceof FileRefused) refused ??= { uri, refused: e.message };
    }
  }
  return refused;
}

function candidates(base: string, name: string, ext: string): string[] {
  const uris: string[] = [];
  const hasExt = /\.[A-Za-z0-9]{1,4}$/.test(name);
  if (!name.endsWith(ext)) {
    const u = joinUri(base, name + ext);
    if (u) uris.push(u);
  }
  if (hasExt || name.endsWith(ext)) {
    const u = joinUri(base, name);
    if (u) uris.push(u);
  }
  return uris;
}

/** Reads the file name argument of \input: {name} or a bare word. */
function fileArg(cur: Cursor, ctx: ExpandContext): { name: string; args: (Arg | undefined)[] } | undefined {
  const j = cur.i;
  const first = cur.peek();
  if (first?.t === 'grp') {
    const a = cur.mandatory()!;
    return { name: rawText(expandNodes(a.c, ctx)).trim(), args: [a] };
  }
  // \input file (TeX primitive syntax): the name runs to the next space.
  let name = '';
  let k = j;
  if (cur.nodes[k]?.t === 'ws') k++;
  const start = cur.nodes[k]?.src;
  let end = start;
  while (k < cur.nodes.length && cur.nodes[k].t === 'str') {
    name += (cur.nodes[k] as { s: string }).s;
    end = cur.nodes[k].src;
    k++;
  }
  if (!name || !start || !end) return undefined;
  cur.i = k;
  return { name: name.trim(), args: [{ open: '', c: [], src: { ...start, end: end.end } }] };
}

/** Reads the file an inclusion names; its parsed nodes (the file is on the include stack until they are expanded), or undefined with a note. */
function include(ctx: ExpandContext, cur: Cursor, n: LNode, name: string): { nodes: LNode[] } | undefined {
  const root = ctx.rootUri;
  const here = ctx.files[n.src.file]?.uri ?? root;
  let uris: string[];
  let label: string;
  let args: (Arg | undefined)[];
  if (IMPORT_MACROS.has(name)) {
    cur.star();
    args = cur.args('mm');
    const dir = rawText(args[0]?.c ?? []).trim();
    const file = rawText(args[1]?.c ?? []).trim();
    const base = joinUri(name.startsWith('sub') ? here : root, dir.endsWith('/') || dir === '' ? dir : dir + '/') ?? root;
    uris = candidates(base, file, '.tex');
    label = `${dir}${dir && !dir.endsWith('/') ? '/' : ''}${file}`;
  } else {
    if (name === 'includeonly') {
      cur.mandatory();
      return undefined;
    }
    if (name === 'InputIfFileExists') {
      args = cur.args('mmm');
      label = rawText(args[0]?.c ?? []).trim();
      uris = candidates(root, label, '.tex');
    } else {
      const fa = fileArg(cur, ctx);
      if (!fa) return undefined;
      args = fa.args;
      label = fa.name;
      // \subfile resolves like \input from the root; so do \input and \include.
      uris = candidates(root, label, '.tex');
      if (here !== root) pushAll(uris, candidates(here, label, '.tex'));
    }
  }
  const use = spanOf(n.src, args);
  if (!label) return undefined;
  const found = readCandidates(ctx, uris);
  if (found?.refused !== undefined) {
    ctx.notes.push({ level: 'warning', message: `Tally did not read "${label}" (\\${name}): ${found.refused}; its text is not checked.`, ...rangeOf(ctx, use) });
    return undefined;
  }
  if (!found || found.text === undefined) {
    if (!/\.(png|jpe?g|pdf|eps|svg|bbl|aux|toc)$/i.test(label)) {
      ctx.notes.push({ level: 'warning', message: `Could not read the file "${label}" (\\${n.t === 'mac' ? n.name : name}); its text is not checked.`, ...rangeOf(ctx, use) });
    }
    return undefined;
  }
  if (ctx.includeStack.includes(found.uri) || ctx.includeStack.length > MAX_INCLUDE_DEPTH) {
    ctx.notes.push({ level: 'warning', message: `"${label}" includes itself (directly or through other files); the repeated inclusion is skipped.`, ...rangeOf(ctx, use) });
    return undefined;
  }
  if (++ctx.includes > MAX_INCLUDES) {
    warnOnce(ctx, 'fan-out', `The paper includes files more than ${MAX_INCLUDES} times; "${label}" and later inclusions are skipped.`, use);
    return undefined;
  }
  return { nodes: enterFile(ctx, found.uri, found.text, true, false) };
}

/** Parses another file and puts it on the include stack (the caller pops it once its nodes are expanded). */
function enterFile(ctx: ExpandContext, uri: string, text: string, contributes: boolean, atLetter: boolean): LNode[] {
  let body = text;
  if (ctx.bytesRead + body.length > ctx.maxBytes) {
    const room = Math.max(0, ctx.maxBytes - ctx.bytesRead);
    ctx.notes.push({ level: 'warning', message: `The paper is larger than the ${Math.round(ctx.maxBytes / 1e6)} MB limit; only the first part of "${uri.split('/').pop()}" is checked.`, uri, partial: true });
    body = body.slice(0, room);
  }
  ctx.bytesRead += body.length;
  const existing = ctx.files.findIndex((f) => f.uri === uri);
  const fileIdx = existing >= 0 ? existing : ctx.files.push({ uri, text, contributes }) - 1;
  if (contributes) ctx.files[fileIdx].contributes = true;
  const parsed = parseFile(ctx, body, fileIdx, uri, atLetter);
  ctx.includeStack.push(uri);
  return parsed;
}

export function parseFile(ctx: ExpandContext, text: string, fileIdx: number, uri: string, atLetter: boolean): LNode[] {
  const cleaned = looksBinary(text);
  if (cleaned) {
    ctx.notes.push({ level: 'warning', message: `"${uri.split('/').pop()}" does not look like LaTeX text (binary content); it is skipped.`, uri });
    return [];
  }
  const parsed = parseSource(text, fileIdx, { parser: ctx.parser, atLetter, unifiedSoFar: ctx.unifiedChars });
  ctx.parsers.add(parsed.parser);
  if (parsed.parser === 'unified') ctx.unifiedChars += text.length;
  if (parsed.fallbackReason) ctx.fallbacks.push({ uri, reason: parsed.fallbackReason });
  const cut = limitNesting(parsed.nodes);
  if (cut) warnOnce(ctx, 'nesting', `Groups nest more than ${MAX_NESTING} levels deep in "${uri.split('/').pop()}" (more than TeX allows); the deeper text is left out.`, cut);
  return parsed.nodes;
}

/** True when the text has NUL bytes or is mostly control characters. */
function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
    else if (c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/** A local package (\usepackage{assets/main}) is read for its macro definitions only. */
function loadPackage(ctx: ExpandContext, pkg: string): void {
  if (!/[/.]/.test(pkg) && !ctx.readFile) return;
  const found = readCandidates(ctx, candidates(ctx.rootUri, pkg, '.sty'));
  if (!found || found.text === undefined || ctx.includeStack.includes(found.uri) || ctx.includeStack.length > MAX_INCLUDE_DEPTH) return;
  // Only its definitions count; its text is not the paper's.
  const nodes = enterFile(ctx, found.uri, found.text, false, true);
  try {
    expandNodes(nodes, ctx);
  } finally {
    ctx.includeStack.pop();
  }
}
