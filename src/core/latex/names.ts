// Environment and macro names the extractor treats specially.
import { nameTable } from './name-table.ts';

export const VERBATIM_ENVS = new Set([
  'verbatim', 'verbatim*', 'Verbatim', 'BVerbatim', 'lstlisting', 'minted', 'comment', 'alltt', 'filecontents', 'filecontents*', 'luacode', 'pycode', 'sageblock',
]);

/** Environments whose whole content is dropped. */
export const SKIPPED_ENVS = new Set([
  ...VERBATIM_ENVS, 'thebibliography', 'tikzpicture', 'pgfpicture', 'picture', 'titlepage', 'CSLReferences', 'refsection',
]);

export const MATH_ENVS = new Set([
  'equation', 'equation*', 'align', 'align*', 'alignat', 'alignat*', 'flalign', 'flalign*', 'gather', 'gather*', 'multline', 'multline*',
  'eqnarray', 'eqnarray*', 'displaymath', 'math', 'dmath', 'dmath*', 'split', 'aligned', 'gathered', 'cases', 'subequations',
]);

export const TABULAR_ENVS = new Set(['tabular', 'tabular*', 'tabularx', 'tabulary', 'longtable', 'longtable*', 'xltabular', 'tabu', 'longtabu', 'supertabular', 'array', 'NiceTabular', 'tblr', 'longtblr']);

export const FLOAT_FIGURE_ENVS = new Set(['figure', 'figure*', 'wrapfigure', 'subfigure', 'SCfigure', 'sidewaysfigure']);
export const FLOAT_TABLE_ENVS = new Set(['table', 'table*', 'sidewaystable', 'wraptable', 'subtable', 'SCtable']);
export const LIST_ENVS = new Set(['itemize', 'enumerate', 'description', 'compactitem', 'compactenum', 'inparaenum', 'tablenotes', 'list', 'enumerate*', 'itemize*']);

/** Argument specs of environments: m = mandatory {…}, o = optional […]. Arguments are dropped. */
export const ENV_ARGS = nameTable<string>({
  tabular: 'om', 'tabular*': 'mom', tabularx: 'mom', tabulary: 'mom', longtable: 'om', 'longtable*': 'om', xltabular: 'mom', array: 'om',
  tabu: 'm', longtabu: 'm', supertabular: 'm', NiceTabular: 'om', tblr: 'om', longtblr: 'oom',
  minipage: 'ooom', wrapfigure: 'omom', wraptable: 'omom', subfigure: 'om', subtable: 'om', figure: 'o', 'figure*': 'o', table: 'o', 'table*': 'o',
  multicols: 'mo', 'multicols*': 'm', threeparttable: 'o', ThreePartTable: 'o', threeparttablex: 'o', alignat: 'm', 'alignat*': 'm',
  itemize: 'o', enumerate: 'o', description: 'o', list: 'mm', adjustbox: 'm', tcolorbox: 'o', spacing: 'm', otherlanguage: 'm', 'otherlanguage*': 'm',
  sidewaystable: 'o', sidewaysfigure: 'o', landscape: '', center: '', resizebox: 'mm', turn: 'm', rotate: 'm', tablenotes: 'o', mdframed: 'o', framed: '',
  aligned: 'o', gathered: 'o', alignedat: 'om', theorem: 'o', lemma: 'o', proof: 'o', definition: 'o', remark: 'o', corollary: 'o', proposition: 'o', example: 'o',
});

/** Citation macros: replaced by a placeholder (never digits). */
export const CITE_MACROS = new Set([
  'cite', 'citep', 'citet', 'citealp', 'citealt', 'citeauthor', 'citeyear', 'citeyearpar', 'parencite', 'textcite', 'autocite', 'footcite', 'supercite',
  'Cite', 'Citep', 'Citet', 'Parencite', 'Textcite', 'Autocite', 'smartcite', 'nocite', 'fullcite', 'citeA', 'citeNP', 'citenum', 'autocites', 'parencites', 'textcites', 'cites',
]);

export const REF_MACROS = new Set(['ref', 'eqref', 'cref', 'Cref', 'autoref', 'pageref', 'nameref', 'vref', 'Vref', 'labelcref', 'crefrange', 'Crefrange', 'subref', 'hyperref', 'fref', 'Fref']);

export const INPUT_MACROS = new Set(['input', 'include', 'subfile', '@@input', 'InputIfFileExists', 'includeonly']);
export const IMPORT_MACROS = new Set(['import', 'subimport', 'inputfrom', 'subinputfrom', 'includefrom', 'subincludefrom']);

/** Sectioning commands: [level, changes the section title]. */
export const SECTION_MACROS = nameTable<number>({ part: 0, chapter: 1, section: 2, subsection: 3, subsubsection: 4, paragraph: 5, subparagraph: 6 });
