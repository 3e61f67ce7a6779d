// Turns the expanded syntax tree into checkable text: prose, linearised math and tables in
// reading order, each character mapped back to its source.

import type { BlockKind, TableCell, TableGrid } from '../types.ts';
import type { LNode, MacroNode, Src } from './ast.ts';
import { Cursor, rawText, spanOf, type Arg } from './args.ts';
import { TextBuilder } from './builder.ts';
import { DROP_WITH_ARGS, TEXT_ARG } from './handled.ts';
import {
  CITE_MACROS, ENV_ARGS, FLOAT_FIGURE_ENVS, FLOAT_TABLE_ENVS, LIST_ENVS, MATH_ENVS, REF_MACROS, SECTION_MACROS, SKIPPED_ENVS, TABULAR_ENVS,
} from './names.ts';
import { formatSiNumber, unitText } from './siunitx.ts';
import { ACCENTS, BINARY, GREEK, MATH_SYMBOLS, RELATIONS, SPACE_MACROS, TEXT_SYMBOLS, THIN_SPACE_MACROS } from './symbols.ts';

type Mode = 'text' | 'math';

const RULE_MACROS = new Set(['hline', 'toprule', 'midrule', 'bottomrule', 'cline', 'cmidrule', 'addlinespace', 'specialrule', 'hhline', 'morecmidrules', 'noalign', 'rowcolor', 'arrayrulecolor', 'hdashline', 'cdashline', 'Xhline', 'firsthline', 'lasthline', 'rowcolors', 'toprule*', 'bottomrule*']);
const ROW_END = new Set(['\\', 'tabularnewline', 'cr', 'crcr']);
const LONGTABLE_MARKS = new Set(['endhead', 'endfirsthead', 'endfoot', 'endlastfoot']);
const DELIMITER_MACROS = new Set(['left', 'right', 'middle', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'biggl', 'biggr', 'Biggl', 'Biggr', 'bigm', 'Bigm']);
const MATH_IGNORED = new Set(['nonumber', 'notag', 'limits', 'nolimits', 'displaystyle', 'textstyle', 'scriptstyle', 'scriptscriptstyle', 'quad', 'qquad', 'mathstrut', 'strut', 'relax', 'allowbreak']);

interface Row {
  cells: LNode[][];
  /** Longtable section the row belongs to. */
  part: 'body' | 'head' | 'firsthead' | 'foot' | 'lastfoot';
}

export class Converter {
  readonly b = new TextBuilder();
  private section = '';
  private defaultKind: BlockKind = 'paragraph';
  private footnotes: { c: LNode[]; section: string }[] = [];
  private flushing = false;
  /** Nesting of tabulars inside table cells (inner ones are linearised). */
  private cellDepth = 0;
  /** Grids created inside the current table float (they get its caption). */
  private floatTables: TableGrid[] | undefined;
  private floatCaption: string | undefined;
  /** Display math environments: `\\` separates lines with "; ". */
  private displayLines = false;
  /** Where the current inline math began in the text: a sign there is a sign, not a minus. */
  private inlineMathFrom = -1;

  /** Converts a whole expanded file: the document body when there is one, else everything. */
  document(nodes: LNode[]): void {
    const doc = findDocument(nodes);
    this.text(doc ?? nodes);
    this.endBlock();
  }

  // ---- blocks -------------------------------------------------------------------------------

  private ensureBlock(): void {
    if (!this.b.isOpen()) this.b.open(this.defaultKind, this.section);
  }

  private out(s: string, src: Src | null): void {
    this.ensureBlock();
    this.b.emit(s, src);
  }

  private space(src: Src | null): void {
    this.b.space(src);
  }

  /** Closes the current block, then writes the footnotes that were referenced in it. */
  private endBlock(): void {
    this.b.close();
    if (this.flushing || this.footnotes.length === 0) return;
    this.flushing = true;
    const pending = this.footnotes;
    this.footnotes = [];
    const saved = this.section;
    const savedKind = this.defaultKind;
    for (const f of pending) {
      this.section = f.section;
      this.defaultKind = 'footnote';
      this.b.open('footnote', f.section);
      this.text(f.c);
      this.b.close();
    }
    this.section = saved;
    this.defaultKind = savedKind;
    this.flushing = false;
  }

  private blockOf(kind: BlockKind, body: () => void): { start: number; end: number } | undefined {
    this.endBlock();
    const saved = this.defaultKind;
    this.defaultKind = kind;
    this.b.open(kind, this.section);
    body();
    const block = this.b.close();
    this.defaultKind = saved;
    this.endBlock();
    return block;
  }

  // ---- text mode ----------------------------------------------------------------------------

  text(nodes: readonly LNode[]): void {
    const cur = new Cursor(nodes);
    while (!cur.done) {
      const n = cur.next()!;
      switch (n.t) {
        case 'str':
          this.textStr(n.s, n.src, cur);
          break;
        case 'ws':
          this.space(n.src);
          break;
        case 'par':
          if (this.cellDepth > 0 || this.defaultKind === 'caption' || this.defaultKind === 'heading') this.space(n.src);
          else this.endBlock();
          break;
        case 'grp':
          if (isCommaGroup(n.c)) this.out(',', n.src);
          else this.text(n.c);
          break;
        case 'math':
          if (n.display && this.cellDepth === 0 && this.defaultKind !== 'caption') this.displayMath(n.c, false);
          else {
            this.ensureBlock();
            this.inlineMathFrom = this.b.length;
            this.math(n.c);
          }
          break;
        case 'env':
          this.env(n.name, n.c, n.src);
          break;
        case 'mac':
          this.macro(n, cur, 'text');
          break;
        default:
          break;
      }
    }
  }

  /** A run of ordinary characters: TeX ligatures (--, ``) and ~ become what they print. */
  private textStr(s: string, src: Src, cur: Cursor): void {
    if (s === '~') {
      this.space(src);
      return;
    }
    if (s === '&') {
      this.space(src);
      return;
    }
    if (!/[-`'~]/.test(s)) {
      this.out(s, src);
      return;
    }
    const re = /---|--|``|''|`|~/g;
    let last = 0;
    for (const m of s.matchAll(re)) {
      if (m.index > last) this.out(s.slice(last, m.index), sub(src, last, m.index));
      const piece = m[0];
      const rep = piece === '---' ? '—' : piece === '--' ? '–' : piece === '``' ? '“' : piece === "''" ? '”' : piece === '`' ? '‘' : ' ';
      if (rep === ' ') this.space(sub(src, m.index, m.index + 1));
      else this.out(rep, sub(src, m.index, m.index + piece.length));
      last = m.index + piece.length;
    }
    if (last < s.length) this.out(s.slice(last), sub(src, last, s.length));
    void cur;
  }

  // ---- environments -------------------------------------------------------------------------

  private env(name: string, content: LNode[], src: Src): void {
    if (SKIPPED_ENVS.has(name)) return;
    const body = stripEnvArgs(name, content);
    if (MATH_ENVS.has(name)) {
      if (this.cellDepth > 0 || this.defaultKind === 'caption') {
        this.ensureBlock();
        this.math(body);
      } else this.displayMath(body, true);
      return;
    }
    if (TABULAR_ENVS.has(name)) {
      if (this.cellDepth > 0) this.linearTabular(body, 'text');
      else this.table(body, src);
      return;
    }
    if (FLOAT_FIGURE_ENVS.has(name)) {
      this.captionsOnly(body);
      return;
    }
    if (FLOAT_TABLE_ENVS.has(name) && this.floatTables === undefined) {
      this.tableFloat(body);
      return;
    }
    if (name === 'abstract') {
      this.endBlock();
      const saved = this.section;
      this.section = 'Abstract';
      this.text(body);
      this.endBlock();
      this.section = saved;
      return;
    }
    if (LIST_ENVS.has(name)) {
      if (this.cellDepth === 0 && this.defaultKind !== 'caption') this.endBlock();
      this.text(body);
      if (this.cellDepth === 0 && this.defaultKind !== 'caption') this.endBlock();
      return;
    }
    if (name === 'document') {
      this.text(body);
      return;
    }
    this.text(body);
  }

  private tableFloat(body: LNode[]): void {
    const savedTables = this.floatTables;
    const savedCaption = this.floatCaption;
    this.floatTables = [];
    this.floatCaption = undefined;
    this.endBlock();
    this.text(body);
    this.endBlock();
    for (const t of this.floatTables) if (!t.caption) t.caption = this.floatCaption ?? '';
    this.floatTables = savedTables;
    this.floatCaption = savedCaption;
  }

  /** Figures: only their captions are text. */
  private captionsOnly(nodes: readonly LNode[]): void {
    const cur = new Cursor(nodes);
    while (!cur.done) {
      const n = cur.next()!;
      if (n.t === 'mac' && (n.name === 'caption' || n.name === 'subcaption' || n.name === 'captionof' || n.name === 'caption*')) this.macro(n, cur, 'text');
      else if (n.t === 'env' && !SKIPPED_ENVS.has(n.name)) {
        if (FLOAT_TABLE_ENVS.has(n.name) || TABULAR_ENVS.has(n.name)) this.env(n.name, n.c, n.src);
        else this.captionsOnly(n.c);
      } else if (n.t === 'grp') this.captionsOnly(n.c);
    }
  }

  private caption(arg: Arg | undefined): void {
    if (!arg) return;
    let block: { start: number; end: number } | undefined;
    const text = this.b.capture(() => {
      block = this.blockOf('caption', () => this.text(arg.c));
    });
    if (block && this.floatCaption === undefined) this.floatCaption = text.slice(text.length - (block.end - block.start));
  }

  // ---- display math -------------------------------------------------------------------------

  private displayMath(nodes: readonly LNode[], lines: boolean): void {
    const saved = this.displayLines;
    this.displayLines = lines;
    this.blockOf('display-math', () => this.math(nodes));
    this.displayLines = saved;
  }

  // ---- math mode ----------------------------------------------------------------------------

  math(nodes: readonly LNode[]): void {
    const cur = new Cursor(nodes);
    while (!cur.done) {
      const n = cur.next()!;
      switch (n.t) {
        case 'str':
          this.mathStr(n.s, n.src, cur);
          break;
        case 'ws':
        case 'par':
          this.space(n.src);
          break;
        case 'grp':
          if (isCommaGroup(n.c)) this.out(',', n.src);
          else this.math(n.c);
          break;
        case 'math':
          this.math(n.c);
          break;
        case 'env':
          if (SKIPPED_ENVS.has(n.name)) break;
          if (TABULAR_ENVS.has(n.name) || MATH_ENVS.has(n.name) || /matrix$/.test(n.name)) this.linearTabular(stripEnvArgs(n.name, n.c), 'math');
          else this.math(n.c);
          break;
        case 'mac':
          this.macro(n, cur, 'math');
          break;
        default:
          break;
      }
    }
  }

  private mathStr(s: string, src: Src, cur: Cursor): void {
    let runStart = 0;
    const flush = (end: number): void => {
      if (end > runStart) this.out(s.slice(runStart, end), sub(src, runStart, end));
    };
    for (let k = 0; k < s.length; k++) {
      const ch = s[k];
      if (ch === '^' || ch === '_') {
        flush(k);
        runStart = k + 1;
        this.script(ch, sub(src, k, k + 1), cur, s.slice(k + 1), sub(src, k + 1, s.length));
        return;
      }
      if (RELATIONS.has(ch) || ch === '&' || ch === '~') {
        flush(k);
        runStart = k + 1;
        if (ch === '&' || ch === '~') this.space(sub(src, k, k + 1));
        else this.relation(ch, sub(src, k, k + 1));
      } else if (ch === '+' || ch === '-') {
        flush(k);
        runStart = k + 1;
        // Binary + and - are spaced like relations (parsers disagree on the source's spaces);
        // a sign (after an operator, an opening bracket or ^) stays attached to its number.
        // The first thing in inline math is a sign too: "fell by $-0.3$", "by $-$5.6".
        const prev = k > 0 ? s[k - 1] : this.b.fresh || this.b.length === this.inlineMathFrom ? '' : this.b.last;
        if (/[\p{L}\p{N})\]}′'*!%]/u.test(prev)) this.relation(ch, sub(src, k, k + 1));
        else this.out(ch, sub(src, k, k + 1));
      }
    }
    flush(s.length);
  }

  private relation(sym: string, src: Src | null): void {
    this.space(null);
    this.out(sym, src);
    this.space(null);
  }

  /** ^ and _: the script's content follows the marker without braces (^{-3} → ^-3). */
  private script(mark: string, src: Src, cur: Cursor, restOfStr: string, restSrc: Src): void {
    this.b.dropSpace();
    let arg: Arg | undefined;
    let rest = '';
    if (restOfStr.length > 0) {
      arg = { open: '', c: [{ t: 'str', s: restOfStr[0], src: sub(restSrc, 0, 1) }], src: sub(restSrc, 0, 1) };
      rest = restOfStr.slice(1);
    } else arg = cur.mandatory();
    const first = arg?.c.find((x) => x.t !== 'ws');
    if (mark === '^' && arg && arg.c.filter((x) => x.t !== 'ws').length === 1 && first?.t === 'mac' && (first.name === 'circ' || first.name === 'degree')) {
      this.out('°', { ...src, end: arg.src.end, exact: false });
    } else if (mark === '^' && first?.t === 'mac' && first.name === 'prime') {
      this.out('′', { ...src, end: arg!.src.end, exact: false });
    } else {
      this.out(mark, src);
      if (arg) {
        this.b.dropSpace();
        this.math(arg.c);
      }
    }
    if (rest) this.mathStr(rest, sub(restSrc, 1, restOfStr.length), cur);
  }

  /** Linear text of a tabular-like environment inside a cell or formula: & → space, \\ → "; " or space. */
  private linearTabular(nodes: readonly LNode[], mode: Mode): void {
    const cur = new Cursor(nodes);
    while (!cur.done) {
      const n = cur.next()!;
      if (n.t === 'str' && n.s === '&') this.space(n.src);
      else if (n.t === 'mac' && ROW_END.has(n.name)) {
        cur.star();
        cur.optional(false);
        if (mode === 'math' && this.displayLines) {
          this.b.dropSpace();
          this.out(';', n.src);
        }
        this.space(null);
      } else if (n.t === 'mac' && RULE_MACROS.has(n.name)) readRuleArgs(n.name, cur);
      else if (mode === 'math') this.math([n]);
      else this.text([n]);
    }
  }

  // ---- macros -------------------------------------------------------------------------------

  private macro(n: MacroNode, cur: Cursor, mode: Mode): void {
    const name = n.name;
    const render = (nodes: readonly LNode[]): void => (mode === 'math' ? this.math(nodes) : this.text(nodes));

    if (name in SECTION_MACROS) {
      const [, , title] = cur.args('som');
      if (!title) return;
      if (mode === 'math' || this.cellDepth > 0) return render(title.c);
      const level = SECTION_MACROS[name];
      const plainTitle = plainText(title.c);
      if (level <= 4) this.section = plainTitle;
      this.blockOf('heading', () => this.text(title.c));
      return;
    }
    switch (name) {
      case 'caption':
      case 'subcaption': {
        const [, , arg] = cur.args('som');
        if (this.cellDepth > 0 || mode === 'math') return arg ? this.text(arg.c) : undefined;
        this.caption(arg);
        return;
      }
      case 'captionof': {
        const [, , arg] = cur.args('smom');
        this.caption(arg);
        return;
      }
      case 'footnote':
      case 'footnotetext':
      case 'tablefootnote': {
        const [, arg] = cur.args('om');
        if (!arg) return;
        if (this.flushing) {
          this.footnotes.push({ c: arg.c, section: this.section });
          return;
        }
        this.footnotes.push({ c: arg.c, section: this.section });
        if (!this.b.isOpen()) this.endBlock();
        return;
      }
      case 'item': {
        const label = cur.optional(false);
        if (this.cellDepth > 0 || this.defaultKind === 'caption') {
          if (label) this.text(label.c);
          return;
        }
        this.endBlock();
        this.b.open('item', this.section);
        if (label) {
          this.text(label.c);
          this.space(null);
        }
        return;
      }
      case 'par':
        if (mode === 'text' && this.cellDepth === 0 && this.defaultKind !== 'caption' && this.defaultKind !== 'heading') this.endBlock();
        else this.space(n.src);
        return;
      case 'frac':
      case 'dfrac':
      case 'tfrac':
      case 'cfrac':
      case 'nicefrac':
      case 'sfrac': {
        const [num, den] = cur.args('mm');
        this.fraction(n, num, den);
        return;
      }
      case 'sqrt': {
        const [root, arg] = cur.args('om');
        this.out('sqrt(', n.src);
        if (arg) this.math(arg.c);
        this.b.dropSpace();
        if (root) {
          this.out(', ', n.src);
          this.math(root.c);
        }
        this.out(')', n.src);
        return;
      }
      case 'multicolumn': {
        const [, , content] = cur.args('mmm');
        if (content) render(content.c);
        return;
      }
      case '\\':
      case 'newline':
      case 'tabularnewline': {
        cur.star();
        cur.optional(false);
        if (mode === 'math' && this.displayLines) {
          this.b.dropSpace();
          this.out(';', n.src);
        }
        this.space(n.src);
        return;
      }
      case 'linebreak':
        cur.optional(false);
        this.space(n.src);
        return;
      case 'appendix':
        return;
      case 'hyperref': {
        const [label, text] = cur.args('om');
        if (label && text) render(text.c);
        else if (text) this.placeholder('[ref]', spanOf(n.src, [text]));
        return;
      }
      case 'begin':
      case 'end':
        cur.mandatory();
        return;
      case 'ensuremath': {
        const arg = cur.mandatory();
        if (arg) {
          this.ensureBlock();
          this.math(arg.c);
        }
        return;
      }
    }
    if (CITE_MACROS.has(name)) {
      const args = cur.args('soom');
      this.placeholder('[cite]', spanOf(n.src, args));
      return;
    }
    if (REF_MACROS.has(name)) {
      const args = cur.args('sm');
      this.placeholder('[ref]', spanOf(n.src, args));
      return;
    }
    if (this.siunitx(n, cur)) return;
    if (name in TEXT_ARG) {
      const spec = TEXT_ARG[name];
      const args = cur.args(spec.replace('t', 'm'));
      const textArg = args[spec.indexOf('t')];
      const isText = /^text|^emph$|box$|^href|^hyperlink|^make|^thead|^shortstack|^multirow|^enquote|quote$|^gl|^ac|^tablefootnote$|^u?line$|^sout$|^hl$|^st$/.test(name);
      if (textArg && (name === 'textsuperscript' || name === 'textsubscript') && !isOrdinalSuffix(textArg.c)) {
        // A raised footnote mark or power stays apart from the number before it ("7,152^1", not "7,1521").
        this.b.dropSpace();
        this.out(name === 'textsuperscript' ? '^' : '_', n.src);
        this.text(textArg.c);
        return;
      }
      if (textArg) {
        if (isText || mode === 'text') this.text(textArg.c);
        else this.math(textArg.c);
      }
      return;
    }
    if (name in DROP_WITH_ARGS) {
      cur.args(DROP_WITH_ARGS[name]);
      if (name === 'hspace' || name === 'vspace' || name === 'hskip') this.space(null);
      return;
    }
    if (RULE_MACROS.has(name)) {
      readRuleArgs(name, cur);
      return;
    }
    if (LONGTABLE_MARKS.has(name)) return;
    if (name in ACCENTS && (name.length === 1 || mode === 'math' || !(name in TEXT_SYMBOLS))) {
      const arg = cur.mandatory();
      if (!arg) return;
      const base = mode === 'math' ? plainMath(arg.c) : plainText(arg.c);
      const composed = (base + ACCENTS[name]).normalize('NFC');
      this.out(composed, spanOf(n.src, [arg]));
      return;
    }
    if (SPACE_MACROS.has(name)) {
      if (THIN_SPACE_MACROS.has(name) && /\d/.test(this.b.last) && isThousandsGroup(cur.peek())) this.out('\u2009', n.src);
      else this.space(n.src);
      return;
    }
    if (mode === 'math' && DELIMITER_MACROS.has(name)) {
      this.delimiter(cur);
      return;
    }
    if (mode === 'math' && MATH_IGNORED.has(name)) {
      this.space(null);
      return;
    }
    const sym = mode === 'math' ? (MATH_SYMBOLS[name] ?? GREEK[name] ?? TEXT_SYMBOLS[name]) : (TEXT_SYMBOLS[name] ?? GREEK[name] ?? textGreek(name) ?? MATH_SYMBOLS[name]);
    if (sym !== undefined) {
      // TeX swallows the space after a control word (\textendash 6 → –6).
      if (mode === 'text' && /^[A-Za-z]+$/.test(name) && cur.peek()?.t === 'ws') cur.next();
      if (RELATIONS.has(sym) || BINARY.has(sym)) this.relation(sym, n.src);
      else if (mode === 'math' && /^[a-z]{2,}$/i.test(sym) && name !== 'sqrt') {
        // Operator names (\log, \max) read as words.
        this.out(sym, n.src);
        this.space(null);
      } else this.out(sym, n.src);
      return;
    }
    if (name === '@' || name === '/' || name === '-' || name === 'xspace') return;
    // Unknown macro: drop its name; its braced arguments follow as ordinary groups.
  }

  private placeholder(text: string, src: Src): void {
    this.out(text, { ...src, exact: false });
  }

  private fraction(n: MacroNode, num: Arg | undefined, den: Arg | undefined): void {
    if (!num || !den) return;
    // Only a short flat argument can be a plain word or number; converting nested ones here as well
    // as below would cost twice per level (exponential in nested fractions).
    const flat = (a: Arg): boolean => a.c.length <= 16 && a.c.every((x) => x.t === 'str' || x.t === 'ws' || x.t === 'mac');
    const simple = (a: Arg): boolean => flat(a) && /^[\p{L}\p{N}.,′]+$/u.test(plainMath(a.c).replace(/\s+/g, ''));
    const both = simple(num) && simple(den);
    const wrap = (a: Arg, first: boolean): void => {
      const s = both;
      if (!s) this.out('(', n.src);
      if (!s || !first) this.b.dropSpace();
      this.math(a.c);
      this.b.dropSpace();
      if (!s) this.out(')', n.src);
    };
    this.ensureBlock();
    wrap(num, true);
    this.out('/', n.src);
    wrap(den, false);
  }

  private delimiter(cur: Cursor): void {
    const d = cur.mandatory();
    if (!d) return;
    const first = d.c[0];
    if (!first) return;
    if (first.t === 'str') {
      if (first.s !== '.') this.out(first.s, first.src);
    } else if (first.t === 'mac') {
      const sym = MATH_SYMBOLS[first.name] ?? (first.name === '{' || first.name === '}' ? first.name : undefined);
      if (sym) this.out(sym, first.src);
    }
  }

  // ---- siunitx ------------------------------------------------------------------------------

  private siunitx(n: MacroNode, cur: Cursor): boolean {
    switch (n.name) {
      case 'num':
      case 'tablenum': {
        const [, num] = cur.args('om');
        if (num) this.siNumber(num);
        return true;
      }
      case 'SI':
      case 'qty': {
        const [, num, pre, unit] = cur.args('omom');
        if (pre) this.text(pre.c);
        if (num) this.siNumber(num);
        if (unit) this.siUnit(unit);
        return true;
      }
      case 'si':
      case 'unit': {
        const [, unit] = cur.args('om');
        if (unit) this.out(unitText(unit.c), { ...unit.src, exact: false });
        return true;
      }
      case 'SIrange':
      case 'qtyrange':
      case 'numrange': {
        const hasUnit = n.name !== 'numrange';
        const [, a, b, unit] = cur.args(hasUnit ? 'ommm' : 'omm');
        if (a) this.siNumber(a);
        if (unit) this.siUnit(unit);
        this.space(null);
        this.out('to', n.src);
        this.space(null);
        if (b) this.siNumber(b);
        if (unit) this.siUnit(unit);
        return true;
      }
      case 'SIlist':
      case 'qtylist':
      case 'numlist': {
        const hasUnit = n.name !== 'numlist';
        const [, list, unit] = cur.args(hasUnit ? 'omm' : 'om');
        if (!list) return true;
        const items = splitList(list.c);
        items.forEach((item, k) => {
          if (k > 0) {
            if (k === items.length - 1) {
              this.space(null);
              this.out('and', n.src);
              this.space(null);
            } else {
              this.out(',', n.src);
              this.space(null);
            }
          }
          this.siNumber({ open: '', c: item, src: item[0]?.src ?? list.src });
          if (unit) this.siUnit(unit);
        });
        return true;
      }
      case 'ang': {
        const [, a] = cur.args('om');
        if (a) {
          this.siNumber(a);
          this.out('°', n.src);
        }
        return true;
      }
      case 'percent':
        this.out('%', n.src);
        return true;
    }
    return false;
  }

  private siNumber(arg: Arg): void {
    const plainOnly = arg.c.every((x) => x.t === 'str' || x.t === 'ws');
    const raw = rawText(arg.c);
    const formatted = plainOnly ? formatSiNumber(raw.trim()) : undefined;
    this.ensureBlock();
    if (!plainOnly) {
      this.math(arg.c);
      return;
    }
    if (formatted === undefined) {
      // Unchanged: the number maps character by character.
      for (const x of arg.c) if (x.t === 'str') this.out(x.s, x.src);
      return;
    }
    // Keep the mantissa exact where the formatted text starts with it.
    const first = arg.c.find((x) => x.t === 'str') as { s: string; src: Src } | undefined;
    const mant = /^[-\d.,]+/.exec(formatted)?.[0] ?? '';
    if (first && mant && first.s.startsWith(mant)) {
      this.out(mant, sub(first.src, 0, mant.length));
      this.out(formatted.slice(mant.length), { ...arg.src, exact: false });
    } else this.out(formatted, { ...arg.src, exact: false });
  }

  private siUnit(unit: Arg): void {
    const u = unitText(unit.c);
    if (!u) return;
    const src = { ...unit.src, exact: false };
    if (u === '%' || u === '°' || u === '′' || u === '″') this.out(u, src);
    else {
      this.space(null);
      this.out(u, src);
    }
  }

  // ---- tables -------------------------------------------------------------------------------

  private table(body: LNode[], src: Src): void {
    const rows = splitRows(body, (caption) => this.caption(caption));
    const hasFirstHead = rows.some((r) => r.part === 'firsthead');
    const kept = rows.filter((r) => r.part === 'body' || r.part === 'firsthead' || r.part === 'lastfoot' || (r.part === 'head' && !hasFirstHead));
    const visible = kept.filter((r) => !r.cells.every((c) => c.every(isBlank)));
    if (visible.length === 0) return;
    this.endBlock();
    this.b.open('table', this.section);
    this.b.begin();
    const grid: TableCell[][] = [];
    const savedKind = this.defaultKind;
    this.defaultKind = 'table';
    visible.forEach((row, r) => {
      if (r > 0) this.b.separator('\n', true);
      const cells: TableCell[] = [];
      let column = 0;
      row.cells.forEach((cell, c) => {
        if (c > 0) this.b.separator(' | ', true);
        this.b.resetLine();
        const colspan = multicolumnSpan(cell);
        const start = this.b.length;
        this.cellDepth++;
        const text = this.b.capture(() => this.text(cell));
        this.cellDepth--;
        this.b.dropSpace();
        const end = this.b.length;
        cells.push({ start, end, text, column, colspan });
        column += colspan;
      });
      grid.push(cells);
    });
    this.defaultKind = savedKind;
    const block = this.b.close();
    if (!block) return;
    const grid2: TableGrid = { start: block.start, end: block.end, caption: '', section: this.section, rows: grid };
    this.b.tables.push(grid2);
    if (this.floatTables) this.floatTables.push(grid2);
    else if (this.floatCaption !== undefined) grid2.caption = this.floatCaption;
    void src;
    this.endBlock();
  }
}

// ---- helpers ----------------------------------------------------------------------------------

function sub(src: Src, from: number, to: number): Src {
  if (!src.exact) return src;
  return { file: src.file, start: src.start + from, end: src.start + to, exact: true };
}

function isCommaGroup(c: readonly LNode[]): boolean {
  return c.length === 1 && c[0].t === 'str' && (c[0].s === ',' || c[0].s === '.');
}

function isBlank(n: LNode): boolean {
  return n.t === 'ws' || n.t === 'par' || n.t === 'skip';
}

function isThousandsGroup(n: LNode | undefined): boolean {
  return n?.t === 'str' && /^\d{3}(?!\d)/.test(n.s);
}

function textGreek(name: string): string | undefined {
  const m = /^(?:text|up)([a-zA-Z]+)$/.exec(name);
  return m ? GREEK[m[1]] : undefined;
}

function findDocument(nodes: readonly LNode[]): LNode[] | undefined {
  for (const n of nodes) {
    if (n.t === 'env' && n.name === 'document') return n.c;
  }
  return undefined;
}

function stripEnvArgs(name: string, content: LNode[]): LNode[] {
  const spec = ENV_ARGS[name];
  if (!spec) return content;
  const cur = new Cursor(content);
  for (const ch of spec) {
    if (ch === 'o') cur.optional(false);
    else cur.mandatory();
  }
  return cur.nodes.slice(cur.i);
}

/** Reads the arguments of a table rule (\cmidrule(lr){2-3}, \cline{1-2}, \addlinespace[2pt]). */
function readRuleArgs(name: string, cur: Cursor): void {
  if (name === 'cline' || name === 'hhline' || name === 'noalign' || name === 'cdashline') cur.mandatory();
  else if (name === 'cmidrule') {
    cur.optional();
    const p = cur.peek();
    if (p?.t === 'str' && p.s.startsWith('(')) {
      while (!cur.done) {
        const x = cur.next()!;
        if (x.t === 'str' && x.s.includes(')')) break;
      }
    }
    cur.mandatory();
  } else if (name === 'specialrule') cur.args('mmm');
  else if (name === 'rowcolor' || name === 'arrayrulecolor') cur.args('om');
  else if (name === 'rowcolors') cur.args('smmm');
  else if (name === 'Xhline') cur.mandatory();
  else if (name === 'addlinespace' || name === 'toprule' || name === 'midrule' || name === 'bottomrule') cur.optional(false);
}

/** Splits a tabular body at top-level & and \\ (rules and longtable markers dropped). */
function splitRows(body: readonly LNode[], onCaption: (a: Arg | undefined) => void): Row[] {
  const rows: Row[] = [];
  let cells: LNode[][] = [[]];
  const cur = new Cursor(body);
  const endRow = (part: Row['part'] = 'body'): void => {
    rows.push({ cells, part });
    cells = [[]];
  };
  while (!cur.done) {
    const n = cur.next()!;
    if (n.t === 'str' && n.s === '&') {
      cells.push([]);
      continue;
    }
    if (n.t === 'mac') {
      if (ROW_END.has(n.name)) {
        cur.star();
        cur.optional(false);
        endRow();
        continue;
      }
      if (RULE_MACROS.has(n.name)) {
        readRuleArgs(n.name, cur);
        continue;
      }
      if (LONGTABLE_MARKS.has(n.name)) {
        const part = n.name === 'endhead' ? 'head' : n.name === 'endfirsthead' ? 'firsthead' : n.name === 'endfoot' ? 'foot' : 'lastfoot';
        // The rows since the previous marker belong to this part.
        const pendingHasContent = !cells.every((c) => c.every(isBlank));
        if (pendingHasContent) endRow();
        for (let k = rows.length - 1; k >= 0 && rows[k].part === 'body' && !rows[k].cells.some((c) => c.some((x) => x.t === 'mac' && x.name === '__marked')); k--) rows[k].part = part;
        rows.push({ cells: [[{ t: 'mac', name: '__marked', src: n.src }]], part: 'foot' });
        continue;
      }
      if ((n.name === 'caption' || n.name === 'caption*') && cells.length === 1) {
        const [, , arg] = cur.args('som');
        onCaption(arg);
        continue;
      }
    }
    cells[cells.length - 1].push(n);
  }
  if (!cells.every((c) => c.every(isBlank))) endRow();
  return rows.filter((r) => !r.cells.some((c) => c.some((x) => x.t === 'mac' && x.name === '__marked')));
}

/** colspan of a cell that is a \multicolumn. */
function multicolumnSpan(cell: readonly LNode[]): number {
  const first = cell.find((x) => !isBlank(x));
  if (first?.t !== 'mac' || first.name !== 'multicolumn') return 1;
  const idx = cell.indexOf(first);
  const cur = new Cursor(cell, idx + 1);
  const n = cur.mandatory();
  const span = Number(rawText(n?.c ?? []).trim());
  return Number.isInteger(span) && span > 0 ? span : 1;
}

function splitList(nodes: readonly LNode[]): LNode[][] {
  const items: LNode[][] = [[]];
  for (const n of nodes) {
    if (n.t === 'str' && n.s.includes(';')) {
      const parts = n.s.split(';');
      let offset = 0;
      parts.forEach((p, k) => {
        if (k > 0) items.push([]);
        if (p) items[items.length - 1].push({ t: 'str', s: p, src: sub(n.src, offset, offset + p.length) });
        offset += p.length + 1;
      });
    } else items[items.length - 1].push(n);
  }
  return items.filter((i) => i.some((x) => !isBlank(x)));
}

/** Plain text of a node list (no mapping), for section titles and simplicity tests. */
export function plainText(nodes: readonly LNode[]): string {
  const c = new Converter();
  c.b.open('paragraph', '');
  c.text(nodes);
  c.b.close();
  return c.b.text.trim();
}

function plainMath(nodes: readonly LNode[]): string {
  const c = new Converter();
  c.b.open('paragraph', '');
  c.math(nodes);
  c.b.close();
  return c.b.text.trim();
}

/** "1\textsuperscript{st}": an ordinal's suffix is part of the word, not a raised mark. */
function isOrdinalSuffix(nodes: readonly LNode[]): boolean {
  return /^\s*(?:st|nd|rd|th|e|er|re|ème)\s*$/i.test(plainText(nodes));
}
