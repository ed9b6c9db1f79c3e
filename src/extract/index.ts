/** The attribution engine: pure functions from parsed articles to statements and people. */
export type * from './types.js';
export { extractStatements } from './extract.js';
export { mergePeople, canonicalOf, findPeople } from './people.js';
export { parseFigures } from './figures.js';
export { detectStance } from './stance.js';
export { findDates, firstDate, type ResolvedDate } from './dates.js';
export { splitSentences } from './sentences.js';
export { scoreExtraction, formatReport, locate, normaliseSpeaker, speakerMatches, type EvalCase, type EvalReport, type GoldStatement } from './evaluate.js';
