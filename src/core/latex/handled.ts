// Macros the converter gives a meaning of its own. Paper redefinitions of these (usually
// typesetting tweaks in the preamble) are ignored so the structure stays readable.
import { nameTable } from './name-table.ts';

import { CITE_MACROS, IMPORT_MACROS, INPUT_MACROS, REF_MACROS, SECTION_MACROS } from './names.ts';
import { SIUNITX_MACROS } from './siunitx.ts';

/** Macros whose arguments are dropped with them (spec: s star, o optional, m mandatory). */
export const DROP_WITH_ARGS = nameTable<string>({
  label: 'om', url: 'm', nolinkurl: 'm', vspace: 'sm', hspace: 'sm', includegraphics: 'som', setlength: 'mm', addtolength: 'mm', setcounter: 'mm',
  addtocounter: 'mm', stepcounter: 'm', refstepcounter: 'm', pagestyle: 'm', thispagestyle: 'm', pagenumbering: 'm', bibliographystyle: 'm',
  bibliography: 'm', addbibresource: 'om', printbibliography: 'o', documentclass: 'om', usepackage: 'om', RequirePackage: 'om', newcolumntype: 'mom',
  color: 'om', definecolor: 'mmm', colorlet: 'mm', captionsetup: 'om', hypersetup: 'm', graphicspath: 'm', phantom: 'm', hphantom: 'm', vphantom: 'm',
  rule: 'omm', cellcolor: 'om', rowcolor: 'om', columncolor: 'om', linespread: 'm', fontsize: 'mm', setstretch: 'm', title: 'om', author: 'om',
  date: 'm', affil: 'om', affiliation: 'om', institute: 'm', email: 'm', orcid: 'm', thanks: 'm', newtheorem: 'smom', theoremstyle: 'm',
  setcitestyle: 'm', addcontentsline: 'mmm', markboth: 'mm', markright: 'm', enlargethispage: 'sm', nocite: 'm', settowidth: 'mm', newlength: 'm',
  newcounter: 'mo', titleformat: 'somommm', titlespacing: 'smmmm', pdfbookmark: 'omm', index: 'm', glossary: 'm', marginpar: 'om', tnote: 'm',
  footnotemark: 'o', arrayrulecolor: 'om', addlinespace: 'o', specialrule: 'mmm', hhline: 'm', cline: 'm', noalign: 'm', DeclareFieldFormat: 'omm',
  DefineBibliographyStrings: 'mm', setkeys: 'mm', geometry: 'm', doublespacing: '', onehalfspacing: '', singlespacing: '', sisetup: 'm',
  DeclareSIUnit: 'omm', DeclareGraphicsExtensions: 'm', urlstyle: 'm', bibinfo: 'mm', newblock: '', vskip: '', begin: 'm', end: 'm',
  hypertarget: 'm', keywords: '', headrulewidth: '', fancyhead: 'om', fancyfoot: 'om', lhead: 'm', rhead: 'm', chead: 'm', lfoot: 'm', rfoot: 'm', cfoot: 'm',
  linenumbers: '', nolinenumbers: '', tableofcontents: '', listoffigures: '', listoftables: '', maketitle: '', newpage: '', clearpage: '', pagebreak: 'o',
  nopagebreak: 'o', FloatBarrier: '', centering: '', raggedright: '', raggedleft: '', noindent: '', indent: '', protect: '', relax: '', null: '',
  mathversion: 'm', tabcolsep: '', arraystretch: '', resetlinenumber: 'o', captionsetupfig: '', extracolsep: 'm', multicolsep: '', selectlanguage: 'm',
  foreignlanguage: 'om',
});

/** Macros whose last mandatory argument is their text (\textbf{x} → x). Spec as above; `t` marks the text argument. */
export const TEXT_ARG = nameTable<string>({
  text: 't', textrm: 't', textit: 't', textbf: 't', textsf: 't', texttt: 't', textup: 't', textsl: 't', textsc: 't', textmd: 't', textnormal: 't', emph: 't',
  mbox: 't', hbox: 't', fbox: 't', underline: 't', uline: 't', sout: 't', hl: 't', st: 't', textsuperscript: 't', textsubscript: 't', textcolor: 'omt',
  colorbox: 'mt', fcolorbox: 'mmt', raisebox: 'moot', resizebox: 'smmt', scalebox: 'mot', rotatebox: 'omt', adjustbox: 'mt', parbox: 'ooomt',
  makebox: 'oot', framebox: 'oot', href: 'mt', hyperlink: 'mt', mathrm: 't', mathit: 't', mathbf: 't', mathsf: 't', mathtt: 't', mathcal: 't', mathbb: 't',
  mathfrak: 't', mathscr: 't', boldsymbol: 't', bm: 't', pmb: 't', operatorname: 'st', mathnormal: 't', textls: 'ot', multirow: 'omomot', makecell: 'ot',
  thead: 'ot', shortstack: 'ot', tablefootnote: 't', smash: 'ot', ensuremath: 't', enquote: 't', foreignquote: 'mt', hyphenquote: 'mt', textquote: 'oot',
  citeproc: 'mt', gls: 'ot', Gls: 'ot', glspl: 'ot', acrshort: 'ot', acrlong: 'ot', acrfull: 'ot', ac: 'ot', acs: 'ot', acl: 'ot', acf: 'ot', xspace: '',
  tablenum: 'ot', subcaptionbox: 'ot', small: '', footnotesize: '', scriptsize: '', tiny: '', large: '', Large: '', LARGE: '', huge: '', Huge: '',
  normalsize: '', bfseries: '', itshape: '', mdseries: '', upshape: '', scshape: '', rmfamily: '', sffamily: '', ttfamily: '', em: '', bf: '', it: '', rm: '', sf: '', tt: '',
});

export const STRUCTURE_MACROS = new Set([
  ...Object.keys(SECTION_MACROS), 'caption', 'captionof', 'subcaption', 'footnote', 'footnotetext', 'item', 'par', 'appendix', 'frac', 'dfrac', 'tfrac', 'cfrac',
  'sqrt', 'left', 'right', 'multicolumn', '\\', 'newline', 'hline', 'toprule', 'midrule', 'bottomrule', 'cmidrule', 'endhead', 'endfirsthead', 'endfoot',
  'endlastfoot', 'tabularnewline', 'iffalse',
]);

export const HANDLED_MACROS = new Set([
  ...STRUCTURE_MACROS, ...Object.keys(TEXT_ARG), ...CITE_MACROS, ...REF_MACROS, ...INPUT_MACROS, ...IMPORT_MACROS, ...SIUNITX_MACROS,
  'label', 'url', 'href', 'text', 'textbf', 'textit', 'emph', 'mathrm', 'vspace', 'hspace', 'multirow', 'makecell', 'begin', 'end',
]);
