// Cue words the ledger reads around a number: what kind of thing is counted, and in which state of
// a study's flow it stands (recruited, excluded, final). Lower case, singular where it matters.

/** Nouns for people or cases a study counts as its sample (plural forms as papers print them). */
export const PEOPLE_NOUNS = new Set([
  'participants', 'subjects', 'respondents', 'patients', 'students', 'people', 'persons', 'individuals',
  'children', 'adults', 'volunteers', 'infants', 'adolescents', 'undergraduates', 'employees', 'workers',
  'migrants', 'couples', 'families', 'users', 'pupils', 'teachers', 'nurses', 'physicians', 'residents',
  'voters', 'consumers', 'athletes', 'players', 'twins', 'mothers', 'fathers', 'parents', 'households',
  'clinicians', 'doctors', 'caregivers', 'veterans', 'smokers', 'controls', 'cases', 'interviewees', 'informants',
]);

/** Other countable things a paper's methods state a number of. */
export const THING_NOUNS = new Set([
  'articles', 'papers', 'studies', 'samples', 'stations', 'transects', 'interviews', 'sites', 'plots', 'trials',
  'records', 'documents', 'items', 'questions', 'images', 'sessions', 'schools', 'hospitals', 'countries',
  'villages', 'species', 'specimens', 'animals', 'mice', 'rats', 'trees', 'surveys', 'questionnaires',
  'observations', 'measurements', 'responses', 'evaluations', 'publications', 'reports', 'videos', 'recordings',
  'tweets', 'posts', 'repositories', 'projects', 'datasets', 'files', 'games', 'tasks', 'runs', 'seeds', 'epochs',
]);

/** Sex or gender words that split a sample into parts. */
export const SEX_WORDS = new Set(['women', 'men', 'female', 'male', 'females', 'males', 'girls', 'boys', 'woman', 'man']);

/** Words that make a count a stage of the sample's flow. */
export const FLOW_CUES: Record<string, readonly string[]> = {
  recruited: ['recruited', 'initial', 'enrolled', 'screened', 'invited', 'approached', 'contacted', 'initially', 'originally', 'registered', 'signed'],
  excluded: ['excluded', 'removed', 'dropped', 'discarded', 'withdrew', 'withdrawn', 'lost', 'omitted', 'eliminated', 'failed', 'exclusion'],
  final: ['final', 'included', 'remaining', 'retained', 'analysed', 'analyzed', 'resulting', 'left', 'effective', 'analytic', 'analysis'],
  completed: ['completed', 'finished', 'responded', 'returned', 'participated', 'took'],
  total: ['total', 'overall', 'altogether', 'combined', 'entire', 'whole'],
  // Words that make a count a part or a subset, never the sample itself.
  subset: ['of whom', 'of these', 'of them', 'among', 'only', 'each', 'per', 'subsample', 'subgroup', 'group', 'condition', 'arm', 'wave', 'follow-up', 'baseline', 'pilot'],
};

/** Words that mark a number as a defined threshold or parameter. */
export const PARAMETER_CUES = ['threshold', 'cut-off', 'cutoff', 'cut off', 'criterion', 'alpha level', 'significance level', 'learning rate', 'batch size', 'window', 'tolerance'];

/** Words that mark a number as a bound rather than a point value. */
export const BOUND_CUES = /\b(?:up to|at least|at most|more than|less than|fewer than|over|under|above|below|exceed(?:s|ed|ing)?|nearly|almost|about|approximately|around|roughly|some|circa|~|≈|<|>|≤|≥)\s*$/i;

const STAGE_OF = new Map<string, string>();
for (const [stage, cues] of Object.entries(FLOW_CUES)) for (const c of cues) if (!STAGE_OF.has(c)) STAGE_OF.set(c, stage);
const CUE = new RegExp(`\\b(?:${[...STAGE_OF.keys()].sort((a, b) => b.length - a.length).map((c) => c.replace(/[-]/g, '\\-')).join('|')})\\b`, 'gi');

/** The flow stages whose cue words occur in a clause (one regex pass). */
export function flowStages(clause: string): string[] {
  const out: string[] = [];
  for (const m of clause.matchAll(CUE)) {
    const stage = STAGE_OF.get(m[0].toLowerCase().replace(/\s+/g, ' '));
    if (stage && !out.includes(stage)) out.push(stage);
  }
  return out;
}
