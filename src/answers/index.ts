/**
 * The lookups behind every front end: a command and its text in, an Answer out.
 * The list of lookups and everything derived from it lives in registry.ts.
 */
export type { AnswerContext } from './context.js';
export { answer, answerHelp, isLookupName, LOOKUPS, parseCommandLine, type LookupDefinition, type LookupName } from './registry.js';
