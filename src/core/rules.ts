// The one list of finding kinds. The settings schema, SARIF rule metadata and the report
// headings are all generated from it, so they cannot drift apart.

export interface Rule {
  id: string;
  title: string;
  /** One sentence a reader without statistics training understands. */
  description: string;
  defaultSeverity: 'error' | 'warning' | 'info';
}

export const RULES = [
  { id: 'arithmetic', title: 'Arithmetic', description: 'A stated sum, difference, product or ratio does not equal its result.', defaultSeverity: 'error' },
  { id: 'percentage', title: 'Percentage of a count', description: 'A percentage does not match the count and total it is said to be of.', defaultSeverity: 'error' },
  { id: 'percent-change', title: 'Percent or fold change', description: 'A stated percent change or fold change does not match the values it compares.', defaultSeverity: 'error' },
  { id: 'unit-conversion', title: 'Units and conversions', description: 'A quantity with units (a dose per kg times a body mass, a unit conversion) is off, often by a power of ten.', defaultSeverity: 'error' },
  { id: 'table-total', title: 'Table total', description: 'A Total, Sum or aggregate row or column does not match the entries it summarises.', defaultSeverity: 'error' },
  { id: 'table-percentage', title: 'Table percentage', description: 'A percentage in a table does not match its count and the column or row N.', defaultSeverity: 'error' },
  { id: 'mean', title: 'Mean of listed values', description: 'A stated mean or average does not match the values listed with it.', defaultSeverity: 'error' },
  { id: 'parts-total', title: 'Parts and total', description: 'A stated total does not match the sum of the parts listed with it, or shares do not add up to 100%.', defaultSeverity: 'error' },
  { id: 'interval', title: 'Confidence interval', description: 'A point estimate lies outside its own interval, or the lower bound is above the upper.', defaultSeverity: 'error' },
  { id: 'p-value', title: 'p-value vs test statistic', description: 'The reported p-value does not match the test statistic and its degrees of freedom (statcheck).', defaultSeverity: 'error' },
  { id: 'p-decision', title: 'Significance flips', description: 'The p-value the test statistic gives is on the other side of .05 from the reported one (statcheck decision error).', defaultSeverity: 'error' },
  { id: 'grim', title: 'GRIM', description: 'A mean or percentage that no whole number of responses out of n can produce.', defaultSeverity: 'error' },
  { id: 'grimmer', title: 'GRIMMER', description: 'A standard deviation that is impossible for integer data with that mean and n.', defaultSeverity: 'error' },
  { id: 'debit', title: 'DEBIT', description: 'A mean and standard deviation that binary (0/1) data of that n cannot produce.', defaultSeverity: 'error' },
  { id: 'count-consistency', title: 'Counts across the paper', description: 'A count of the same people or things disagrees with a count stated elsewhere: recruited minus excluded against the final sample, a breakdown against its total, a mean per participant against the total and the sample.', defaultSeverity: 'warning' },
  { id: 'summary-consistency', title: 'Abstract vs body', description: 'A count, share, ratio or range in the abstract, highlights or conclusion differs from what the body of the paper states.', defaultSeverity: 'warning' },
  { id: 'table-reference', title: 'Text vs cited table', description: 'The text gives a value for a row and column of a table it cites, and the table holds another value there.', defaultSeverity: 'error' },
  { id: 'parameter-consistency', title: 'Restated parameter', description: 'A threshold or parameter defined in one place is restated with another value elsewhere.', defaultSeverity: 'warning' },
  { id: 'model', title: 'Model review', description: 'An inconsistency a reasoning model found and Tally could not recompute.', defaultSeverity: 'warning' },
] as const satisfies readonly Rule[];

export type FindingKind = (typeof RULES)[number]['id'];

export const PROJECT_URL = 'https://github.com/tally-papers/tally';
export const RULES_DOC_URL = `${PROJECT_URL}/blob/main/docs/rules.md`;

/** Where a finding kind is explained (docs/rules.md, generated from RULES by scripts/gen-rules-doc.mjs). */
export function ruleDocUrl(kind: string): string {
  return `${RULES_DOC_URL}#${kind}`;
}

export function ruleFor(kind: string): Rule | undefined {
  return RULES.find((r) => r.id === kind);
}
