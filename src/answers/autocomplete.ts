/**
 * Autocomplete choices: at most 25, each name and value within Discord's 100
 * characters, from the people index (for /who) and the articles (for /source).
 */
import { findArticles, recentArticles } from '../index/queries.js';
import { peopleByAliasPrefix, topPeople } from '../index/people.js';
import { DISCORD_LIMITS } from '../render/limits.js';
import { shorten } from '../render/escape.js';
import type { AnswerContext } from './context.js';
import { cutText } from '../text/cut.js';

export interface Choice {
  name: string;
  value: string;
}

const MAX = DISCORD_LIMITS.autocompleteChoices;

export function nameChoices(ctx: AnswerContext, typed: string): Choice[] {
  const people = typed.trim() === '' ? topPeople(ctx.db, MAX) : peopleByAliasPrefix(ctx.db, typed.slice(0, 100), MAX);
  return people.map((p) => ({
    name: shorten(`${p.canonical}${p.roles[0] ? ` — ${p.roles[0]}` : ''} (${p.statements})`, DISCORD_LIMITS.choiceName),
    value: cutText(p.canonical, DISCORD_LIMITS.choiceValue),
  }));
}

export function articleChoices(ctx: AnswerContext, typed: string): Choice[] {
  const articles = typed.trim() === '' ? recentArticles(ctx.db, MAX) : findArticles(ctx.db, typed.slice(0, 100), MAX);
  return articles.map((a) => ({ name: shorten(`${a.date ?? 'undated'} · ${a.title}`, DISCORD_LIMITS.choiceName), value: cutText(a.file, DISCORD_LIMITS.choiceValue) }));
}
