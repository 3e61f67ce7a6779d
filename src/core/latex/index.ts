// LaTeX → checkable text (PaperText) with an exact source map.

export { extractLatex, type ExtractOptions } from './extract.ts';
export { findLatexProject, extractLatexProject, projectFolder, readFileUri } from './project.ts';
export { suppressedRanges } from './suppress.ts';
