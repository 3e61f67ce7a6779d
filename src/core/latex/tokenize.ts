// The default front end: a linear-time LaTeX tokenizer that builds the extractor's syntax tree in
// one pass (unified-latex is kept as the reference parser; see parse.ts). It emits the tree already
// normalised as parse.ts's normalise() would leave it: runs of ordinary characters as one str node,
// `#1` as param nodes, `\my@macro` names inside \makeatletter. Lenient by design: unbalanced braces,
// unclosed math and unmatched \begin/\end never throw; they are closed or skipped where TeX would complain.

import type { EnvNode, GroupNode, LNode, MathNode, Src } from './ast.ts';
import { VERBATIM_ENVS } from './names.ts';

interface Frame {
  kind: 'root' | 'grp' | 'env' | 'math';
  /** For math: the closing delimiter ('$', '$$', '\\)', '\\]'); for env: its name. */
  close: string;
  start: number;
  children: LNode[];
  /** For env: where the `{name}` after \begin starts and ends (to undo an env a group closes). */
  nameStart?: number;
  nameEnd?: number;
  /** Stack index of the innermost frame that is not an env, at or below this one (set on open). */
  anchor?: number;
}

/** Characters that end a run of ordinary text: TeX's special characters and whitespace. */
const BREAKS = new Uint8Array(128);
for (const ch of '\\%{}$&[]#^_~* \t\n\r') BREAKS[ch.charCodeAt(0)] = 1;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function tokenize(text: string, file: number, atLetter = false): LNode[] {
  const n = text.length;
  const src = (start: number, end: number): Src => ({ file, start, end, exact: true });
  const stack: Frame[] = [{ kind: 'root', close: '', start: 0, children: [] }];
  let top = stack[0];
  const push = (node: LNode): void => {
    top.children.push(node);
  };
  // Open math frames, and how many frames of each env name / math delimiter are open: closing
  // lookups stay O(1) however deep a hostile file nests (a walk down the stack per `$` is quadratic).
  const mathFrames: Frame[] = [];
  const openCount = new Map<string, number>();
  const countKey = (f: Frame): string => `${f.kind}:${f.close}`;
  const count = (f: Frame, by: number): void => {
    if (f.kind === 'env' || f.kind === 'math') openCount.set(countKey(f), (openCount.get(countKey(f)) ?? 0) + by);
  };
  const open = (frame: Frame): void => {
    frame.anchor = frame.kind === 'env' ? (top.anchor ?? 0) : stack.length;
    stack.push(frame);
    top = frame;
    count(frame, 1);
    if (frame.kind === 'math') mathFrames.push(frame);
  };
  const popFrame = (): Frame => {
    const f = stack.pop()!;
    top = stack[stack.length - 1];
    count(f, -1);
    if (f.kind === 'math') mathFrames.pop();
    return f;
  };

  const closeFrame = (end: number): void => {
    const f = popFrame();
    let node: LNode;
    if (f.kind === 'grp') node = { t: 'grp', c: f.children, src: src(f.start, end) } satisfies GroupNode;
    else if (f.kind === 'env') node = { t: 'env', name: f.close, c: f.children, src: src(f.start, end) } satisfies EnvNode;
    else node = { t: 'math', display: f.close === '$$' || f.close === '\\]', c: f.children, src: src(f.start, end) } satisfies MathNode;
    push(node);
  };
  /** An environment a closing brace cuts off was never one: `\begin` and `{name}` stay, its content follows them. */
  const dissolveEnv = (): void => {
    const f = popFrame();
    const a = f.nameStart!;
    const b = f.nameEnd!;
    push({ t: 'mac', name: 'begin', src: src(f.start, f.start + 6) });
    if (f.start + 6 < a) push({ t: 'ws', src: src(f.start + 6, a) });
    push({ t: 'grp', c: [{ t: 'str', s: text.slice(a + 1, b - 1), src: src(a + 1, b - 1) }], src: src(a, b) });
    for (const c of f.children) push(c);
  };
  const inMath = (): Frame | undefined => mathFrames.at(-1);
  /** Closes frames down to and including the innermost open frame of this kind and `close`, if there is one. */
  const closeTo = (kind: Frame['kind'], close: string, end: number, innerEnd: number): boolean => {
    if (!openCount.get(`${kind}:${close}`)) return false;
    const pred = (f: Frame) => f.kind === kind && f.close === close;
    let k = stack.length - 1;
    while (k > 0 && !pred(stack[k])) k--;
    if (k === 0) return false;
    while (stack.length - 1 > k) closeFrame(innerEnd);
    closeFrame(end);
    return true;
  };

  /** Reads `{name}` after \begin or \end; returns [name, braceOffset, endOffset] or undefined. */
  const readEnvName = (from: number): [string, number, number] | undefined => {
    let j = from;
    while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (text.charCodeAt(j) !== 123) return undefined;
    const close = text.indexOf('}', j);
    if (close < 0 || close - j > 80) return undefined;
    const name = text.slice(j + 1, close).trim();
    if (!/^[A-Za-z@*]+$/.test(name)) return undefined;
    return [name, j, close + 1];
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // A run of ordinary characters is one str node (words, numbers, punctuation, non-ASCII).
    if (c >= 128 || BREAKS[c] === 0) {
      let j = i + 1;
      while (j < n) {
        const e = text.charCodeAt(j);
        if (e < 128 && BREAKS[e] === 1) break;
        j++;
      }
      push({ t: 'str', s: text.slice(i, j), src: src(i, j) });
      i = j;
      continue;
    }
    // Backslash: control word or symbol.
    if (c === 92) {
      if (i + 1 >= n) {
        push({ t: 'str', s: '\\', src: src(i, i + 1) });
        i++;
        continue;
      }
      const d = text.charCodeAt(i + 1);
      if (isLetter(d)) {
        let j = i + 2;
        while (j < n && isLetter(text.charCodeAt(j))) j++;
        const name = text.slice(i + 1, j);
        if (name === 'begin' || name === 'end') {
          const env = readEnvName(j);
          if (env) {
            const [envName, brace, after] = env;
            if (name === 'begin') {
              if (VERBATIM_ENVS.has(envName)) {
                const endTag = `\\end{${envName}}`;
                const stop = text.indexOf(endTag, after);
                const end = stop < 0 ? n : stop + endTag.length;
                push({ t: 'skip', src: src(i, end) });
                i = end;
              } else {
                open({ kind: 'env', close: envName, start: i, children: [], nameStart: brace, nameEnd: after });
                i = after;
              }
            } else {
              if (!closeTo('env', envName, after, i)) push({ t: 'skip', src: src(i, after) });
              i = after;
            }
            continue;
          }
        }
        if (name === 'verb') {
          let j2 = j;
          if (text[j2] === '*') j2++;
          const delim = text[j2];
          const stop = delim ? text.indexOf(delim, j2 + 1) : -1;
          const nl = text.indexOf('\n', j2 + 1);
          if (delim && stop > 0 && (nl < 0 || stop < nl)) {
            push({ t: 'skip', src: src(i, stop + 1) });
            i = stop + 1;
            continue;
          }
        }
        if (name === 'makeatletter') atLetter = true;
        else if (name === 'makeatother') atLetter = false;
        // Inside \makeatletter, @ is a letter: \my@macro.
        if (atLetter && text.charCodeAt(j) === 64) j = atName(text, j);
        push({ t: 'mac', name: text.slice(i + 1, j), src: src(i, j) });
        i = j;
        continue;
      }
      const sym = text[i + 1];
      if (sym === '(' || sym === '[') {
        open({ kind: 'math', close: sym === '(' ? '\\)' : '\\]', start: i, children: [] });
        i += 2;
        continue;
      }
      if (sym === ')' || sym === ']') {
        const want = sym === ')' ? '\\)' : '\\]';
        if (!closeTo('math', want, i + 2, i)) push({ t: 'skip', src: src(i, i + 2) });
        i += 2;
        continue;
      }
      if (d === 64 && atLetter) {
        const j = atName(text, i + 2);
        push({ t: 'mac', name: text.slice(i + 1, j), src: src(i, j) });
        i = j;
        continue;
      }
      // Surrogate pairs after a backslash stay whole.
      const len = d >= 0xd800 && d <= 0xdbff ? 3 : 2;
      push({ t: 'mac', name: text.slice(i + 1, i + len), src: src(i, i + len) });
      i += len;
      continue;
    }
    if (c === 37) {
      // %: comment to the end of the line, with the newline and the next line's indentation.
      let j = text.indexOf('\n', i);
      const lineEnd = j < 0 ? n : j;
      if (j < 0) j = n;
      else {
        j++;
        while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
        // A blank line after the comment is still a paragraph break.
        if (text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13) j = lineEnd;
      }
      push({ t: 'skip', src: src(i, j), comment: text.slice(i + 1, lineEnd) });
      i = j;
      continue;
    }
    if (c === 123) {
      open({ kind: 'grp', close: '}', start: i, children: [] });
      i++;
      continue;
    }
    if (c === 125) {
      // A brace closes its group, and with it any \begin inside the group left unclosed.
      const k = top.anchor ?? 0;
      if (k > 0 && stack[k].kind === 'grp') {
        while (stack.length - 1 > k) dissolveEnv();
        closeFrame(i + 1);
      } else push({ t: 'skip', src: src(i, i + 1) });
      i++;
      continue;
    }
    if (c === 36) {
      const dbl = text.charCodeAt(i + 1) === 36;
      const delim = dbl ? '$$' : '$';
      const m = inMath();
      if (m && (m.close === '$' || m.close === '$$')) {
        closeTo('math', m.close, i + m.close.length, i);
        i += m.close.length;
      } else {
        open({ kind: 'math', close: delim, start: i, children: [] });
        i += delim.length;
      }
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      let j = i;
      let newlines = 0;
      while (j < n) {
        const e = text.charCodeAt(j);
        if (e === 10) newlines++;
        else if (e === 13) {
          if (text.charCodeAt(j + 1) !== 10) newlines++;
        } else if (e !== 32 && e !== 9) break;
        j++;
      }
      if (newlines >= 2) {
        // A paragraph break ends unclosed inline math (TeX would stop there with an error).
        const m = inMath();
        if (m) closeTo('math', m.close, i, i);
        push({ t: 'par', src: src(i, j) });
      } else push({ t: 'ws', src: src(i, j) });
      i = j;
      continue;
    }
    if (c === 35 && i + 1 < n) {
      // #1 … #9: a macro parameter.
      const d = text.charCodeAt(i + 1);
      if (d >= 49 && d <= 57) {
        push({ t: 'param', n: d - 48, src: src(i, i + 2) });
        i += 2;
        continue;
      }
    }
    // One of TeX's special characters (& [ ] # ^ _ ~ *): a single-character str node.
    push({ t: 'str', s: text[i], src: src(i, i + 1) });
    i++;
  }
  while (stack.length > 1) closeFrame(n);
  return stack[0].children;
}

/** End of a macro name's letters and @ signs from `from` on. */
function atName(text: string, from: number): number {
  let j = from;
  while (j < text.length && (isLetter(text.charCodeAt(j)) || text.charCodeAt(j) === 64)) j++;
  return j;
}
