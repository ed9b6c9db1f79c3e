/**
 * npm run evaluate -- [--set NAME ...] [--errors] : the attribution engine scored on the labelled news
 * sets (test/fixtures/news/<set>): precision, recall, speaker accuracy, the share of named speakers that
 * are right, and the same per attribution rule and per speaker rule, so a bad rule is found by its figures.
 * Without --set: every development set; the held-out set only when named, so it stays untouched by tuning.
 */
import { formatReport, formatRuleTable, scoreExtraction, type EvalCase, type EvalError } from '../extract/evaluate.js';
import { parseCliArgs } from './args.js';
import { evalCases, isHeldOut, loadNewsSet, newsSets, type NewsCase } from './fixtureSets.js';
import { runMain } from './main.js';

const USAGE = 'usage: npm run evaluate -- [--set NAME ...] [--errors]';

runMain(() => {
  const { values } = parseCliArgs(process.argv.slice(2), { set: { type: 'string', multiple: true }, errors: { type: 'boolean' } }, USAGE);
  const sets = values.set ?? newsSets().filter((s) => !isHeldOut(s));
  const all: EvalCase[] = [];
  for (const set of sets) {
    const loaded = loadNewsSet(set);
    const cases = evalCases(loaded);
    console.log(formatDates(set, loaded));
    all.push(...cases);
    console.log(formatReport(set, scoreExtraction(cases)));
  }
  const report = scoreExtraction(all);
  if (sets.length > 1) console.log(formatReport(`all of ${sets.join(', ')}`, report));
  console.log(`\n${formatRuleTable('attribution rule', report.byRule)}\n\n${formatRuleTable('speaker rule', report.bySpeakerRule)}`);
  if (values.errors) {
    for (const e of report.errors) console.log(`${errorType(e).padEnd(18)} ${e.id}  expected ${e.expected ?? '–'}  got ${e.got ?? '–'}${e.speakerRule ? ` (${e.speakerRule})` : ''}  «${e.content.slice(0, 110)}»`);
  }
  return 0;
});

/** 'speaker/named' counts against named-speaker precision; 'speaker/described' and 'speaker/unclear' do not. */
function errorType(e: EvalError): string {
  return e.speakerWas === undefined ? e.type : `${e.type}/${e.speakerWas}`;
}

/** Publication dates against the gold: right, unknown where the gold has one, wrong (and by how much). */
function formatDates(set: string, cases: NewsCase[]): string {
  let right = 0;
  let unknown = 0;
  let invented = 0;
  const wrong: string[] = [];
  for (const { gold, article } of cases) {
    const got = article.date.iso;
    if (got === gold.published) right++;
    else if (got === null) unknown++;
    else if (gold.published === null) invented++;
    else wrong.push(`${gold.file}: ${got} (${article.date.basis}) for ${gold.published}`);
  }
  return [`${set} dates: ${right} of ${cases.length} right, ${unknown} unknown where known, ${invented} given where the article states none (marked ≈), ${wrong.length} wrong`, ...wrong.map((w) => `  ${w}`)].join('\n');
}
