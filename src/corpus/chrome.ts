/**
 * Web chrome that scrapers leave in article text: navigation, comment forms,
 * share buttons. A line matching any of these is not part of the article.
 * Edit this list when a new site's furniture shows up in the corpus.
 */
const CHROME_LINES: RegExp[] = [
  /^see also\b/i,
  /^read (also|more)\b.{0,200}$/i,
  /^also read\b.{0,200}$/i,
  /^leave a (reply|comment)$/i,
  /^your email address will not be published\b/i,
  /^required fields are marked\b/i,
  /^related (articles|posts|news|stories)$/i,
  // "Related: How we track the polls", "Related Article: Holloway's business record, explained", "MORE COVERAGE: …".
  /^(?:related(?: (?:articles?|stories|story|coverage|content|reading|links?|videos?|posts?))?|more coverage|more on this(?: story)?)\s*[:—–]\s*\S.{0,200}$/i,
  /^back to top( button)?$/i,
  /^(share|tweet|print|email|subscribe)( (this|on|to|now|article)\b.{0,40})?$/i,
  /^follow us on\b.{0,80}$/i,
  /^(advertisement|sponsored content)$/i,
  /^comments?$/i,
  /^tags?:.{0,200}$/i,
  // "Filed Under: Catherine Lindqvist, Daniel Lindqvist, Election 2016": a blog's category list.
  /^(?:filed under|posted in|categories|topics):.{0,300}$/i,
];

/** True when a trimmed line is web furniture rather than article text. */
export function isChromeLine(line: string): boolean {
  const text = line.trim();
  if (text === '') return true;
  // A line of only invisible or decorative characters (non-breaking spaces, bullets).
  if (/^[\s\u00a0\u200b\u2022·|*_-]*$/u.test(text)) return true;
  return CHROME_LINES.some((pattern) => pattern.test(text));
}
