/**
 * Who published an article and whom it cites, read from the attribution lines
 * scrapers keep ("Censor.NET reports citing Interfax-Ukraine", "According to
 * Ukrinform, this was stated by …", "… in comments for Voice of America").
 */

export interface SourceAttribution {
  publisher: string | null;
  cites: string[];
}

/**
 * A medium's name: up to eight capitalised words of up to 40 characters, starting where a word
 * starts. The bounds and the look-behind keep every match attempt short, so a paragraph of one
 * capitalised run (or one name repeated) costs time linear in its length, not quadratic.
 */
const NAME = String.raw`(?<![\w.&'’-])(?:the\s+|The\s+)?["“«]?[A-Z][\w.&'’-]{0,40}(?:\s+(?:of\s+|de\s+)?[A-Z][\w.&'’-]{0,40}){0,7}["”»]?`;
/** "Censor.NET reports citing Interfax-Ukraine", "… reports with reference to Ukrinform". */
const REPORTS_CITING = new RegExp(String.raw`(${NAME})\s+(?:reports?|writes?|informs?)(?:\s*,)?\s+(?:citing|with reference to|referring to)\s+(${NAME})`, 'g');
/** "Reuters agency with reference to an American official informs": the agency is cited. */
const AGENCY_REPORTS = new RegExp(String.raw`(${NAME})\s+(?:news\s+)?agency\b`, 'g');
/** "According to Ukrinform, this was stated by X": the thing before the passive is a medium. */
const ACCORDING_TO_PASSIVE = new RegExp(String.raw`According to\s+(${NAME}),\s+(?:this|it)\s+was\s+(?:stated|reported|said|announced)\s+by`, 'g');
/** "… in comments for Voice of America", "… told the BBC in an interview". */
const COMMENTS_FOR = new RegExp(String.raw`\b(?:comments?|interview|remarks)\s+(?:for|to|with)\s+(${NAME})`, 'g');

function cleanName(raw: string): string {
  return raw
    .replace(/^(the|The)\s+/, '')
    .replace(/^["“«]+/, '')
    .replace(/["”».,;:]+$/, '')
    .trim();
}

/** Publisher and cited sources found in the article's paragraphs (first match wins for the publisher). */
export function findSources(paragraphs: string[]): SourceAttribution {
  let publisher: string | null = null;
  const cites: string[] = [];
  const cite = (raw: string) => {
    const name = cleanName(raw);
    if (name !== '' && !cites.includes(name)) cites.push(name);
  };
  // Each pattern runs only where its fixed words occur: most paragraphs have none, and a pattern run costs far more than a look.
  for (const text of paragraphs) {
    if (text.includes('citing') || text.includes('refer')) {
      for (const m of text.matchAll(REPORTS_CITING)) {
        publisher ??= cleanName(m[1]!);
        cite(m[2]!);
      }
    }
    if (text.includes('According to')) for (const m of text.matchAll(ACCORDING_TO_PASSIVE)) cite(m[1]!);
    if (text.includes('comment') || text.includes('interview') || text.includes('remarks')) for (const m of text.matchAll(COMMENTS_FOR)) cite(m[1]!);
    if (text.includes('agency')) for (const m of text.matchAll(AGENCY_REPORTS)) cite(m[1]!);
  }
  return { publisher, cites: cites.filter((c) => c !== publisher) };
}
