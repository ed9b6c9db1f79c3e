/**
 * The one registry of lookups. An entry says everything any front end needs to
 * offer a lookup: its name, its one text option, the usage and help lines, an
 * example, and the answer function. Everything else derives from this list:
 *
 *  - the `LookupName` / `CommandName` types (answers/types.ts);
 *  - the terminal parser (`parseCommandLine`) and /help (`answerHelp`), below;
 *  - the Discord slash commands, their option validation, autocomplete and
 *    paging (src/discord/lookupCommands.ts), and message context-menu commands
 *    for entries with a `messageCommand`;
 *  - the README's command table (refreshed by `npm run readme:examples`).
 *
 * Adding a lookup is one entry here plus its answer module. Commands that are
 * not lookups (e.g. /digest, with subcommands and permissions) are modules in
 * commands/ and add their help line to OTHER_COMMANDS_HELP.
 */
import { articleChoices, nameChoices, type Choice } from './autocomplete.js';
import { answerCheck } from './check.js';
import { answerClaims } from './claims.js';
import type { AnswerContext } from './context.js';
import { answerSource } from './source.js';
import { answerTimeline } from './timeline.js';
import type { Answer, AskRequest } from './types.js';
import { answerWho } from './who.js';

export interface LookupOption {
  /** The option's name in Discord ("topic") and the prefix the terminal accepts ("topic: troops"). */
  name: string;
  /** Shown under the option in Discord (at most 100 characters). */
  description: string;
  maxLength: number;
  /** Choices while the option is typed (≤ 25; quick: autocomplete cannot be deferred). */
  autocomplete?: (ctx: AnswerContext, typed: string) => Choice[];
}

export interface LookupDefinition<Name extends string = string> {
  name: Name;
  /** The slash command's description in Discord (at most 100 characters). */
  description: string;
  /** The text the lookup takes; null for none (/help). */
  option: LookupOption | null;
  /** "/claims <topic>": the usage line in /help and in the terminal's messages. */
  usage: string;
  /** What it answers with, one sentence, for /help. */
  help: string;
  /** A typical call, for /help's examples. */
  example?: string;
  /** Name of a message context-menu command (right-click → Apps) that runs this lookup on the message's text. */
  messageCommand?: string;
  answer(ctx: AnswerContext, query: string): Answer;
}

/** Keeps each entry's literal name, so the name union derives from the list. */
function lookup<const Name extends string>(definition: LookupDefinition<Name>): LookupDefinition<Name> {
  return definition;
}

const TOPIC_MAX = 500;

export const LOOKUPS = [
  lookup({
    name: 'claims',
    description: 'What the articles say on a topic: statements by stance, who made them, figures that differ',
    option: { name: 'topic', description: 'A topic or a question in plain words, e.g. how many North Korean soldiers', maxLength: TOPIC_MAX },
    usage: '/claims <topic>',
    help: 'What the articles say on a topic: statements by stance, who made them and when, figures that differ.',
    example: '/claims troops',
    answer: answerClaims,
  }),
  lookup({
    name: 'check',
    description: 'Check a claim: what the archive says about it, grouped by matching and differing figures and stance',
    option: { name: 'claim', description: 'The claim as you saw it, e.g. North Korea has sent 12,000 troops to Russia', maxLength: 1000 },
    usage: '/check <claim>',
    help: 'What the archive says about a claim: matching and different figures, who confirms, cannot confirm or denies it, related reports. No verdict.',
    example: '/check North Korea has sent 12,000 troops to Russia',
    messageCommand: 'Check claim',
    answer: answerCheck,
  }),
  lookup({
    name: 'who',
    description: 'A person or organisation: the roles the articles give, then their statements by date',
    option: { name: 'name', description: 'A name, e.g. Rutte', maxLength: 100, autocomplete: nameChoices },
    usage: '/who <name>',
    help: 'A person or organisation: the roles the articles give, then every statement in date order.',
    example: '/who Rutte',
    answer: answerWho,
  }),
  lookup({
    name: 'timeline',
    description: 'Dated statements on a topic or by a person, in order, marking where the picture changed',
    option: { name: 'topic', description: 'A topic or a person, e.g. North Korean troops, or Rutte', maxLength: TOPIC_MAX },
    usage: '/timeline <topic or person>',
    help: "Dated statements on a topic in order, marking where the picture changed; for a person, that person's statements and position changes.",
    example: '/timeline North Korean troops',
    answer: answerTimeline,
  }),
  lookup({
    name: 'source',
    description: "An article's publisher, date and numbered paragraphs, to check a citation",
    option: { name: 'article', description: 'The article’s URL, file name, or words from its title', maxLength: 200, autocomplete: articleChoices },
    usage: '/source <article>',
    help: "An article's publisher, date and numbered paragraphs, to check a citation.",
    example: '/source 002_852c7ea92689125f.txt',
    answer: answerSource,
  }),
  lookup({
    name: 'help',
    description: 'What each command does, with examples',
    option: null,
    usage: '/help',
    help: 'This list.',
    answer: () => answerHelp(),
  }),
] as const;

export type LookupName = (typeof LOOKUPS)[number]['name'];

/** Help lines of the commands that are not lookups (their modules live in commands/). */
export const OTHER_COMMANDS_HELP: { usage: string; help: string }[] = [
  { usage: '/add <url>', help: 'Add one article by its link; a private reply says what was indexed.' },
  { usage: '/sources add|list|remove', help: 'The news feeds and pages the bot polls (Manage Server to change them).' },
  { usage: '/digest show|set|off|preview', help: 'The scheduled digest for this server (Manage Server to change it).' },
];

const BY_NAME = new Map<string, LookupDefinition>(LOOKUPS.map((l) => [l.name, l]));

export function isLookupName(name: string): name is LookupName {
  return BY_NAME.has(name);
}

export function lookupNamed(name: LookupName): LookupDefinition<LookupName> {
  return BY_NAME.get(name) as LookupDefinition<LookupName>;
}

/** Runs a request through its registry entry. */
export function answer(ctx: AnswerContext, request: AskRequest): Answer {
  return lookupNamed(request.command).answer(ctx, request.query);
}

const OPTION_PREFIX = new RegExp(`^(?:${[...new Set(LOOKUPS.flatMap((l) => (l.option ? [l.option.name] : [])))].join('|')})\\s*:\\s*`, 'i');

/** A terminal line like "/claims troops" or "who: Rutte" → a request, or a usage message. */
export function parseCommandLine(line: string): AskRequest | { usage: string } {
  const m = /^\s*\/?([a-z]+)\b[:\s]*(.*)$/is.exec(line);
  const examples = LOOKUPS.flatMap((l) => (l.example ? [l.example] : [])).slice(0, 2).join(', ');
  const usage = `Commands: ${LOOKUPS.map((l) => `/${l.name}`).join(' ')} — e.g. ${examples}`;
  if (!m) return { usage };
  const command = m[1]!.toLowerCase();
  if (!isLookupName(command)) return { usage: `Unknown command "/${m[1]}". ${usage}` };
  // Discord-style "topic:troops" option names are accepted and dropped.
  const query = m[2]!.replace(OPTION_PREFIX, '').trim();
  return { command, query };
}

/** /help: every command, from the registry. */
export function answerHelp(): Answer {
  const lines = [...LOOKUPS.filter((l) => l.name !== 'help'), ...OTHER_COMMANDS_HELP, lookupNamed('help')].map((c) => `${c.usage} — ${c.help}`);
  return {
    command: 'help',
    query: '',
    title: 'Newsroom fact-check: commands',
    summary: 'Every excerpt is verbatim from an article on file, with a citation: [n] Title — Publisher (citing X), date, ¶paragraph. Dates marked ≈ are inferred from the text.',
    sections: [{ title: 'Commands', items: [], lines }],
    notes: [`Examples: ${LOOKUPS.flatMap((l) => (l.example ? [l.example] : [])).join(' · ')}`],
    suggestions: [],
    empty: false,
  };
}
