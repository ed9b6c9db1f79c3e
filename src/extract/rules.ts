/**
 * The attribution rules and speaker-resolution rules, named, with the pattern
 * each matches and why it is trusted. Every statement records the rule that
 * made it (`rule`) and the rule that chose its speaker (`speakerRule`), so a
 * wrong answer can be traced to its rule and a bad rule found by its figures
 * (`npm run evaluate` reports both per rule; `npm run explain -- FILE` shows
 * them per paragraph).
 */

/**
 * The version of the extraction (rules, word lists, resolution). Bump it whenever a change alters what
 * is extracted: the next ingest re-reads every article an older version read.
 */
export const EXTRACTION_VERSION = '2026-12-10.4';

export interface RuleInfo {
  /** The shape of text it matches. */
  pattern: string;
  /** Why a match is evidence of who said what. */
  reason: string;
}

const rules = <K extends string>(table: Record<K, RuleInfo>): Readonly<Record<K, RuleInfo>> => table;

/** How a statement was found: the frame around the reporting verb, or the context that carried a quote. */
export const ATTRIBUTION_RULES = rules({
  'head-clause': { pattern: 'SUBJECT CUE [hearer] [when] that CONTENT', reason: 'the subject of a reporting verb is its speaker; the clause after it is what was said' },
  'head-quote': { pattern: 'SUBJECT CUE [,:] "QUOTE"', reason: 'a quote filling the rest of the sentence is the words of the subject' },
  'tail': { pattern: 'CONTENT, SUBJECT CUE.', reason: 'a sentence-final attribution covers the clause before it' },
  'tail-quote': { pattern: '"QUOTE," SUBJECT CUE [to hearer] [when].', reason: 'an attribution right after a closing mark names the quote\'s speaker' },
  'inverted': { pattern: '"QUOTE," CUE SUBJECT[, apposition].', reason: 'the inverted order of news writing: the subject follows the cue' },
  'participle': { pattern: '…, SUBJECT CUE, adding/noting that CONTENT', reason: 'an -ing reporting verb continues the same subject' },
  'second-report': { pattern: 'SUBJECT CUE A, saying B / SUBJECT CUE A but said B', reason: 'one subject reports two things in one sentence: the second, after a participle or a joined reporting verb, is its own statement' },
  'interrupted-quote': { pattern: '"A," SUBJECT CUE, "B"', reason: 'both halves of an interrupted quote belong to the one attribution' },
  'parenthetical': { pattern: 'A, SUBJECT CUE, B', reason: 'an attribution set off by commas inside the sentence' },
  'call-for': { pattern: 'SUBJECT called for / called on …', reason: 'a demand reported with its speaker' },
  'backref': { pattern: 'SUBJECT said this at …', reason: 'the statement is the sentence or paragraph before' },
  'passive': { pattern: 'this was stated by SUBJECT', reason: 'a passive back-reference names the speaker of what came before' },
  'impersonal': { pattern: 'It was reported / became known that CONTENT', reason: 'a report with no speaker: kept, unattributed' },
  'according-to': { pattern: 'According to SOURCE, CONTENT / CONTENT, according to SOURCE', reason: 'the source of a claim, a person, an organisation or a document' },
  'colon-intro': { pattern: 'SUBJECT CUE: ¶ "QUOTE"', reason: 'a colon introduction hands its speaker to the quote that opens the next paragraph' },
  'quote-chain': { pattern: '"…  ¶ "… (no closing mark until a later paragraph)', reason: 'a quote running over paragraphs keeps one speaker; the attribution that closes it names the speaker of all of it' },
  'quote-in-paragraph': { pattern: 'SUBJECT CUE …. "QUOTE."', reason: 'a standalone quote after an attributed statement in the same paragraph continues that speaker' },
  'quote-previous-paragraph': { pattern: 'SUBJECT CUE … ¶ "QUOTE."', reason: 'a standalone quote opening a paragraph, right after a paragraph of one speaker, continues that speaker' },
  'quote-named-after': { pattern: '"QUOTE." ¶ That was / Those were the words of NAME', reason: 'a quote standing alone is named by the paragraph after it' },
  'quote-unattributed': { pattern: '"QUOTE." with no speaker in reach', reason: 'kept as what was said, with the speaker left unclear' },
  'roundup': { pattern: 'Name, Outlet: "QUOTE" / Name (Outlet): "QUOTE"', reason: 'panel and reaction round-ups label each quote with its speaker' },
  'speaker-label': { pattern: 'NAME: answer / A: answer (transcripts)', reason: 'a transcript labels each turn with its speaker' },
  'headline-dash': { pattern: 'HEADLINE CLAIM - Speaker', reason: 'headline attribution by dash' },
  'headline-colon': { pattern: 'HEADLINE CLAIM: Speaker / Speaker: HEADLINE CLAIM', reason: 'headline attribution by colon' },
  'bare-speaker-line': { pattern: 'HEADLINE ¶ Speaker Name, Outlet reports', reason: 'a name line under a headline claim names its speaker' },
});
export type AttributionRule = keyof typeof ATTRIBUTION_RULES;

/** How the speaker of a statement was chosen. */
export const SPEAKER_RULES = rules({
  'name': { pattern: 'a full name or an organisation name', reason: 'the text names the speaker' },
  'surname-earlier': { pattern: 'Surname, after "First Surname" earlier in the article', reason: 'a surname alone refers to the full name the article used before' },
  'first-name-earlier': { pattern: 'Bernice, after "Bernice Pardy" earlier (features, families)', reason: 'a first name alone refers to the one person of the article with that first name' },
  'first-name-ambiguous': { pattern: 'a first name two people of the article share', reason: 'left unclear: two people of the article carry that first name' },
  'surname-principal': { pattern: 'Surname, after "Lyle Hatcher" and "his daughter, Madison Hatcher"', reason: 'of two people sharing a surname, news calls the relative introduced as kin by first or full name; the bare surname stays with the other' },
  'surname-ambiguous': { pattern: 'Surname shared by two people of the article', reason: 'left unclear: two people of the article carry that surname' },
  'pronoun-subject': { pattern: 'NAME did X. "…," he said.', reason: 'he/she refers to the agreeing subject of the sentence before it in the same paragraph' },
  'pronoun-speaker': { pattern: 'NAME said … ¶ He added …', reason: 'he/she continues the last agreeing speaker when no other agreeing person was introduced since' },
  'pronoun-addressee': { pattern: '"…, Dr. Whitfield?" the senator asked. ¶ "No," he said.', reason: 'he/she answering a question is the person the question named' },
  'pronoun-principal': { pattern: 'he/she, with the article\'s only agreeing person', reason: 'only one person of that gender is in the article' },
  'pronoun-unclear': { pattern: 'he/she with several agreeing candidates', reason: 'left unclear: a wrong speaker is worse than none' },
  'it-organisation': { pattern: 'it/they said after an organisation', reason: 'the organisation last heard from' },
  'it-subject': { pattern: '"The board will not apply the law, it said"', reason: 'the organisation that opens the words reported before "it said" is what says them' },
  'role-match': { pattern: 'the NATO Secretary General', reason: 'a role noun matches the role the article gave a named person' },
  'role-title': { pattern: 'Mayor Jane Doe voted … ¶ the mayor said', reason: 'a role noun refers to the person the article named with that title, nearest first' },
  'role-last-speaker': { pattern: 'the European diplomat (definite, bare)', reason: 'a definite description refers back to the last agreeing speaker' },
  'role-unnamed': { pattern: 'a spokesperson / an analyst', reason: 'an unnamed person described by role' },
  'spokesperson-organisation': { pattern: 'a spokesperson (no organisation named)', reason: 'the organisation last heard from' },
  'org-role': { pattern: 'the company / the agency', reason: 'an organisation named nearby that fits the noun' },
  'group': { pattern: 'officials / analysts / police', reason: 'an unnamed group speaks for itself' },
  'new-person': { pattern: 'a resident / the owner', reason: 'an unnamed person introduced by a noun' },
  'document': { pattern: 'according to the report of X', reason: 'a document speaks for the organisation that issued it' },
  'headline-late': { pattern: 'a role or pronoun in a headline', reason: 'resolved after the body has named the people' },
  'carried': { pattern: 'a quote without its own attribution', reason: 'the speaker of its context (see the attribution rule)' },
  'none': { pattern: 'no speaker', reason: 'unattributed' },
});
export type SpeakerRule = keyof typeof SPEAKER_RULES;
