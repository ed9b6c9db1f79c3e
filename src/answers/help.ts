/** /help: what each command does, with an example. */
import type { Answer } from './types.js';

export const COMMAND_HELP: { usage: string; does: string }[] = [
  { usage: '/claims <topic>', does: 'What the articles say on a topic: statements by stance, who made them and when, figures that differ.' },
  { usage: '/who <name>', does: 'A person or organisation: the roles the articles give, then every statement in date order.' },
  { usage: '/timeline <topic>', does: 'Dated statements on a topic in order, marking where the picture changed.' },
  { usage: '/source <article>', does: "An article's publisher, date and numbered paragraphs, to check a citation." },
  { usage: '/add <url>', does: 'Add one article by its link; a private reply says what was indexed.' },
  { usage: '/sources add|list|remove', does: 'The news feeds and pages the bot polls (Manage Server to change them).' },
  { usage: '/digest show|set|off|preview', does: 'The scheduled digest for this server (Manage Server to change it).' },
  { usage: '/help', does: 'This list.' },
];

export function answerHelp(): Answer {
  return {
    command: 'help',
    query: '',
    title: 'Newsroom fact-check: commands',
    summary: 'Every excerpt is verbatim from an article on file, with a citation: [n] Title — Publisher (citing X), date, ¶paragraph. Dates marked ≈ are inferred from the text.',
    sections: [{ title: 'Commands', items: [], lines: COMMAND_HELP.map((c) => `${c.usage} — ${c.does}`) }],
    notes: ['Examples: /claims troops · /who Rutte · /timeline North Korean troops · /source 002_852c7ea92689125f.txt'],
    suggestions: [],
    empty: false,
  };
}
