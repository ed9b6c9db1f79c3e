/**
 * Measures the maintained English NLP packages on npm against the rule-based
 * sentence splitter and person-name finder, on this project's fixtures.
 * Not part of `npm test` (the packages are not dependencies). Run with:
 *   npm i --no-save compromise wink-nlp wink-eng-lite-web-model
 *   npx tsx test/extract/nlp-eval.ts
 *
 * Sentence gold: the rule splitter's boundaries on every fixture paragraph,
 * with every place where any splitter disagrees adjudicated by hand
 * (SENTENCE_ADJUDICATIONS below: the correct reading of each disputed spot).
 * Name gold: the `persons` lists of the fixtures (every person named in a passage).
 */
import { findPersonNames } from '../../src/extract/extract.js';
import { splitSentences } from '../../src/extract/sentences.js';
import { generalCases, holdoutCases, seedCases } from './fixtures.js';

type Splitter = (text: string) => string[];
type NameFinder = (text: string) => string[];

async function load(name: string): Promise<unknown> {
  try {
    const mod = (await import(name)) as { default?: unknown };
    return mod.default ?? mod;
  } catch {
    console.error(`package ${name} is not installed: npm i --no-save compromise wink-nlp wink-eng-lite-web-model`);
    process.exit(1);
  }
}

/**
 * Disputed spots, adjudicated by reading them: [text before the spot, text after, should a sentence end there].
 * Filled from the disagreement listing this script prints (run with --disagreements).
 */
const SENTENCE_ADJUDICATIONS: [string, string, boolean][] = [
  ['Censor.', 'NET reports', false], // "Censor.NET" is a name
  ['Kursk region...', ' This is a significant', true], // an ellipsis ending a sentence
  ['support from abroad...', ' NATO Allies will', true],
  ['such as North Korea.', ' This is no longer', true], // sentences inside one quote are still sentences
  ['transferring weapons.', ' It is actually', true],
  ['visit www.', 'northwind.example', false], // a web address
  ['www.northwind.', 'example.', false],
  ['never gets old.', ' That part is why', true],
  ["stop writing emails.'", ' That is not the language', true],
  ['site PowerOutage.', 'us.', false], // a domain name
  ['kitchen. "It isn\'t.', ' You have the sea', true],
  ['the birds, the ships.', " You're never", true],
  ['says hello to me.', " I don't know", true],
  ['has not changed.', ' Any talks must', true],
  ['does not make a trend.', ' Behind these figures', true],
  ['"The kids don\'t want it.', ' Can you blame', true],
];

function boundaries(text: string, sentences: string[]): Set<number> {
  // Sentence ends as character offsets, found by walking the sentences through the text.
  const ends = new Set<number>();
  let from = 0;
  for (const s of sentences) {
    const trimmed = s.trim();
    if (trimmed === '') continue;
    const at = text.indexOf(trimmed, from);
    if (at === -1) continue;
    from = at + trimmed.length;
    ends.add(from);
  }
  ends.delete(text.trimEnd().length); // the paragraph end is no decision
  return ends;
}

function main(): Promise<void> {
  return run();
}

async function run(): Promise<void> {
  const compromise = (await load('compromise')) as (text: string) => { sentences(): { out(f: string): string[] }; people(): { out(f: string): string[] } };
  const winkNLP = (await load('wink-nlp')) as (model: unknown) => { readDoc(t: string): { sentences(): { out(): string[] }; tokens(): { out(i?: unknown): string[] } }; its: Record<string, unknown> };
  const model = await load('wink-eng-lite-web-model');
  const wink = winkNLP(model);
  const its = wink.its as { pos: unknown; value: unknown };

  const splitters: Record<string, Splitter> = {
    'rule-based (src/extract/sentences.ts)': (t) => splitSentences(t).map((r) => t.slice(r.start, r.end)),
    compromise: (t) => compromise(t).sentences().out('array'),
    'wink-nlp + wink-eng-lite-web-model': (t) => wink.readDoc(t).sentences().out(),
  };
  // wink's lite model has no PERSON entities: the usual substitute is runs of PROPN tokens.
  const winkNames: NameFinder = (t) => {
    const doc = wink.readDoc(t);
    const words = doc.tokens().out(its.value) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const names: string[] = [];
    let run: string[] = [];
    for (let i = 0; i <= words.length; i++) {
      if (i < words.length && pos[i] === 'PROPN') run.push(words[i]!);
      else {
        if (run.length >= 1) names.push(run.join(' '));
        run = [];
      }
    }
    return names;
  };
  const finders: Record<string, NameFinder> = {
    'rule-based (findPersonNames)': findPersonNames,
    'compromise .people()': (t) => compromise(t).people().out('array'),
    'wink-nlp PROPN runs': winkNames,
  };

  const cases = [...seedCases(), ...generalCases(), ...holdoutCases()];
  const paragraphs = cases.flatMap((c) => c.input.paragraphs.map((p) => p.text));
  const bytes = paragraphs.reduce((s, p) => s + Buffer.byteLength(p), 0);

  // ---- sentences ----
  const decisions = new Map<string, Map<number, boolean>>(); // paragraph → offset → gold
  const outputs = Object.fromEntries(Object.entries(splitters).map(([name, split]) => [name, paragraphs.map((p) => boundaries(p, split(p)))]));
  const disagreements: string[] = [];
  paragraphs.forEach((p, k) => {
    const all = new Set<number>();
    for (const name of Object.keys(splitters)) for (const b of outputs[name]![k]!) all.add(b);
    const gold = new Map<number, boolean>();
    for (const b of all) {
      const votes = Object.keys(splitters).map((name) => outputs[name]![k]!.has(b));
      const ruleSays = votes[0]!;
      const before = p.slice(Math.max(0, b - 25), b);
      const after = p.slice(b, b + 25);
      const adjudicated = SENTENCE_ADJUDICATIONS.find(([x, y]) => before.endsWith(x) && after.startsWith(y));
      if (votes.some((v) => v !== ruleSays)) disagreements.push(`${JSON.stringify(before)} | ${JSON.stringify(after)}  rule=${votes[0]} compromise=${votes[1]} wink=${votes[2]}${adjudicated ? ` gold=${adjudicated[2]}` : ' (not adjudicated: rule taken)'}`);
      gold.set(b, adjudicated ? adjudicated[2] : ruleSays);
    }
    decisions.set(p, gold);
  });
  if (process.argv.includes('--disagreements')) for (const d of disagreements) console.log(d);

  console.log(`\nSentence splitting on ${paragraphs.length} fixture paragraphs (${(bytes / 1024).toFixed(0)} KB), ${disagreements.length} disputed spots adjudicated:`);
  for (const [name, split] of Object.entries(splitters)) {
    let tp = 0, fp = 0, fn = 0;
    paragraphs.forEach((p, k) => {
      const got = outputs[name]![k]!;
      for (const [b, isEnd] of decisions.get(p)!) {
        if (isEnd && got.has(b)) tp++;
        else if (isEnd) fn++;
        else if (got.has(b)) fp++;
      }
    });
    const speed = measure(() => paragraphs.forEach((p) => split(p)), bytes);
    console.log(`  ${name.padEnd(40)} boundary P ${pct(tp / (tp + fp))}  R ${pct(tp / (tp + fn))}  F1 ${pct((2 * tp) / (2 * tp + fp + fn))}   ${speed}`);
  }

  // ---- person names ----
  console.log(`\nPerson names (gold: the fixtures' "persons" lists, ${cases.reduce((s, c) => s + c.persons.length, 0)} names in ${cases.length} passages):`);
  for (const [name, find] of Object.entries(finders)) {
    let exact = 0, partial = 0, gold = 0, predicted = 0, correct = 0;
    for (const c of cases) {
      const text = c.input.paragraphs.map((p) => p.text).join('\n');
      const found = [...new Set(find(text).map(clean))];
      const persons = c.persons.map(clean);
      gold += persons.length;
      predicted += found.length;
      for (const g of persons) {
        if (found.includes(g)) exact++;
        else if (found.some((f) => sharesSurname(f, g))) partial++;
      }
      for (const f of found) if (persons.some((g) => f === g || sharesSurname(f, g))) correct++;
    }
    const speed = measure(() => cases.forEach((c) => find(c.input.paragraphs.map((p) => p.text).join('\n'))), bytes);
    console.log(`  ${name.padEnd(40)} recall exact ${pct(exact / gold)}, with surname ${pct((exact + partial) / gold)}; precision ${pct(correct / predicted)} (${predicted} found)   ${speed}`);
  }
}

function clean(name: string): string {
  return name.replace(/^(?:the|The)\s+/, '').replace(/['’]s$/, '').replace(/[.,;:]+$/, '').trim();
}

function sharesSurname(found: string, gold: string): boolean {
  const surname = gold.split(/\s+/).at(-1)!.toLowerCase();
  return found.toLowerCase().split(/\s+/).includes(surname);
}

function pct(x: number): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '  n/a';
}

function measure(work: () => void, bytes: number): string {
  work();
  const rounds = 5;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) work();
  const seconds = (performance.now() - started) / 1000;
  return `${((bytes * rounds) / 1e6 / seconds).toFixed(2)} MB/s`;
}

await main();
