/**
 * npm run explain -- FILE : each paragraph of one article with the statements the engine reads in it,
 * the rule that found each, its spans, and the speaker chain that was followed ("he → last speaker: …"),
 * so a wrong answer can be traced to the rule that made it.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArticle, statedYear } from '../corpus/parse.js';
import { extractStatements } from '../extract/extract.js';
import { ATTRIBUTION_RULES, SPEAKER_RULES } from '../extract/rules.js';
import { escapeForTerminal } from '../text/controls.js';
import { shorten as clip } from '../text/cut.js';
import { parseCliArgs, UsageError } from './args.js';
import { runMain } from './main.js';

const USAGE = 'usage: npm run explain -- FILE';

runMain(() => {
  const { positionals } = parseCliArgs(process.argv.slice(2), {}, USAGE);
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError(USAGE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${JSON.stringify(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const article = parseArticle({ file: basename(file), text, contextYear: statedYear(text, basename(file)) });
  const { statements } = extractStatements({ source: article.source, paragraphs: article.paragraphs, sentences: article.sentences, date: article.date.iso });
  const out: string[] = [`${article.title}`, `date: ${article.date.iso ?? 'unknown'}${article.date.inferred ? ' (≈)' : ''}; ${article.date.basis}`, ''];
  for (const paragraph of article.paragraphs) {
    const mine = statements.filter((s) => s.paragraphIndex === paragraph.index);
    out.push(`¶${paragraph.index} ${paragraph.kind === 'body' ? '' : `[${paragraph.kind}] `}${clip(paragraph.text, 160)}`);
    for (const s of mine) {
      out.push(`  ${s.kind} · ${s.rule} (${ATTRIBUTION_RULES[s.rule].pattern}) · ${s.stance}`);
      out.push(`    said: «${clip(s.content, 140)}» [${s.contentSpan.start}–${s.contentSpan.end}]`);
      const mention = s.speakerMention === null ? '' : ` from «${s.speakerMention}» [${s.speakerSpan!.start}–${s.speakerSpan!.end}]`;
      out.push(`    speaker: ${s.speaker ?? 'unclear / none'}${mention} · ${s.speakerRule}: ${SPEAKER_RULES[s.speakerRule].reason}`);
      if (s.speakerVia !== null) out.push(`    chain: ${s.speakerVia}`);
      if (s.cue !== null) out.push(`    cue: «${s.cue}» [${s.cueSpan!.start}–${s.cueSpan!.end}]`);
    }
  }
  out.push('', `${statements.length} statements; ${statements.filter((s) => s.speaker !== null).length} with a speaker.`);
  // Article text may hold control characters: shown escaped, never sent raw to the terminal.
  process.stdout.write(`${out.map(escapeForTerminal).join('\n')}\n`);
  return 0;
});


