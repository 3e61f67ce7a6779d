// What single macros print: text symbols, math symbols, Greek letters and accents.
import { nameTable } from './name-table.ts';

export const GREEK = nameTable<string>({
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', vartheta: 'ϑ',
  iota: 'ι', kappa: 'κ', varkappa: 'ϰ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', omicron: 'ο', pi: 'π', varpi: 'ϖ', rho: 'ρ', varrho: 'ϱ',
  sigma: 'σ', varsigma: 'ς', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  varGamma: 'Γ', varDelta: 'Δ', varTheta: 'Θ', varLambda: 'Λ', varXi: 'Ξ', varPi: 'Π', varSigma: 'Σ', varUpsilon: 'Υ', varPhi: 'Φ', varPsi: 'Ψ', varOmega: 'Ω',
});

/** Symbols valid in text mode (and their textgreek/upgreek spellings). */
export const TEXT_SYMBOLS = nameTable<string>({
  '%': '%', $: '$', '&': '&', '#': '#', _: '_', '{': '{', '}': '}', textbackslash: '\\', ldots: '…', dots: '…', textellipsis: '…',
  textendash: '–', textemdash: '—', textminus: '−', textpm: '±', texttimes: '×', textdiv: '÷', textdegree: '°', degree: '°', textmu: 'µ', micro: 'µ',
  textless: '<', textgreater: '>', S: '§', P: '¶', copyright: '©', textcopyright: '©', textregistered: '®', texttrademark: '™', pounds: '£',
  textsterling: '£', euro: '€', texteuro: '€', textyen: '¥', textasciitilde: '~', textasciicircum: '^', textbar: '|', textbullet: '•',
  textperiodcentered: '·', slash: '/', textslash: '/', textquotedbl: '"', textquoteleft: '‘', textquoteright: '’', textquotedblleft: '“',
  textquotedblright: '”', textquotesingle: "'", guillemotleft: '«', guillemotright: '»', ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ',
  aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ', checkmark: '✓', dag: '†', ddag: '‡', textdagger: '†', textdaggerdbl: '‡', textperthousand: '‰',
  permil: '‰', textonehalf: '½', textonequarter: '¼', textthreequarters: '¾', textsuperscript: '', LaTeX: 'LaTeX', TeX: 'TeX', LaTeXe: 'LaTeX2e',
  textasteriskcentered: '*', textordfeminine: 'ª', textordmasculine: 'º', textcelsius: '°C', celsius: '°C', textohm: 'Ω', ohm: 'Ω', textpercent: '%',
  percent: '%', textnumero: '№', textlangle: '⟨', textrangle: '⟩', textleq: '≤', textgeq: '≥', textapprox: '≈', textequals: '=', textplus: '+',
});

/** Math symbols. Relations and binary operators are spaced by the math linearisation. */
export const MATH_SYMBOLS = nameTable<string>({
  times: '×', cdot: '·', pm: '±', mp: '∓', div: '÷', ast: '*', star: '⋆', circ: '∘', bullet: '•', cdotp: '·', centerdot: '·',
  approx: '≈', le: '≤', leq: '≤', leqslant: '≤', ge: '≥', geq: '≥', geqslant: '≥', neq: '≠', ne: '≠', equiv: '≡', sim: '∼', simeq: '≃',
  cong: '≅', propto: '∝', ll: '≪', gg: '≫', lesssim: '≲', gtrsim: '≳', lessapprox: '⪅', gtrapprox: '⪆', approxeq: '≊', doteq: '≐',
  in: '∈', notin: '∉', ni: '∋', subset: '⊂', supset: '⊃', subseteq: '⊆', supseteq: '⊇', cup: '∪', cap: '∩', setminus: '∖', emptyset: '∅', varnothing: '∅',
  to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', Leftarrow: '⇐', leftrightarrow: '↔', Leftrightarrow: '⇔', mapsto: '↦', implies: '⇒', iff: '⇔',
  longrightarrow: '→', uparrow: '↑', downarrow: '↓', infty: '∞', partial: '∂', nabla: '∇', forall: '∀', exists: '∃', neg: '¬', lnot: '¬',
  land: '∧', wedge: '∧', lor: '∨', vee: '∨', sum: 'Σ', prod: 'Π', int: '∫', oint: '∮', ldots: '…', cdots: '…', dots: '…', vdots: '⋮', ddots: '⋱',
  dotsc: '…', dotsb: '…', prime: '′', degree: '°', angle: '∠', perp: '⊥', parallel: '∥', mid: '|', vert: '|', lvert: '|', rvert: '|', Vert: '‖',
  lVert: '‖', rVert: '‖', langle: '⟨', rangle: '⟩', lfloor: '⌊', rfloor: '⌋', lceil: '⌈', rceil: '⌉', backslash: '\\', hbar: 'ħ', ell: 'ℓ',
  '%': '%', $: '$', '&': '&', '#': '#', _: '_', '{': '{', '}': '}', '|': '‖', lbrace: '{', rbrace: '}', lbrack: '[', rbrack: ']', colon: ':',
  log: 'log', ln: 'ln', exp: 'exp', sin: 'sin', cos: 'cos', tan: 'tan', max: 'max', min: 'min', sup: 'sup', inf: 'inf', lim: 'lim', det: 'det',
  Pr: 'Pr', arg: 'arg', dim: 'dim', gcd: 'gcd', argmax: 'argmax', argmin: 'argmin', sqrt: 'sqrt', dagger: '†', ddagger: '‡', checkmark: '✓',
  triangle: '△', square: '□', Box: '□', diamond: '⋄', therefore: '∴', because: '∵', top: '⊤', bot: '⊥', aleph: 'ℵ', Re: 'ℜ', Im: 'ℑ',
  textminus: '−', minus: '−', micro: 'µ', percent: '%', textpercent: '%',
});

/** Relations: spaced on both sides in linearised math. */
export const RELATIONS = new Set(['=', '<', '>', '≤', '≥', '≠', '≈', '≡', '∼', '≃', '≅', '∝', '≪', '≫', '≲', '≳', '→', '⇒', '⇔', '∈', '∉', '⊂', '⊆', '↔', '←', '⇐', '↦', '≊', '⪅', '⪆']);
/** Binary operators: spaced on both sides (×, ·, ±). */
export const BINARY = new Set(['×', '·', '±', '∓', '÷']);

/** Accent macros → Unicode combining marks (composed with NFC afterwards). */
export const ACCENTS = nameTable<string>({
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307', u: '\u0306', v: '\u030c', H: '\u030b',
  c: '\u0327', k: '\u0328', r: '\u030a', d: '\u0323', b: '\u0331', t: '\u0361',
  acute: '\u0301', grave: '\u0300', hat: '\u0302', widehat: '\u0302', ddot: '\u0308', tilde: '\u0303', widetilde: '\u0303', bar: '\u0304', overline: '\u0304',
  dot: '\u0307', breve: '\u0306', check: '\u030c', vec: '\u20d7', mathring: '\u030a',
});

/** Spacing macros: all print a plain space (or, for \, \; \: \! between digit groups, a thin space). */
export const SPACE_MACROS = new Set([' ', ',', ';', ':', '!', '>', 'thinspace', 'enspace', 'enskip', 'quad', 'qquad', 'space', 'hfill', 'hfil', 'vfill', 'newline', 'linebreak', 'nobreakspace', 'medspace', 'thickspace', 'negthinspace', 'nolinebreak', 'break', 'tabularnewline', 'allowbreak', 'nobreak', 'hspace', 'hskip', 'smallskip', 'medskip', 'bigskip']);
export const THIN_SPACE_MACROS = new Set([',', ';', ':', '!', 'thinspace', '>', 'medspace', 'negthinspace']);
