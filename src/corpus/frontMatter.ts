/**
 * Optional front matter at the top of an article file:
 *   ---
 *   title: …
 *   publisher: …
 *   url: …
 *   date: YYYY-MM-DD
 *   ---
 * What it states overrides what is inferred from the text.
 */
import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'expected a real calendar date');

export const FrontMatterSchema = z
  .object({
    title: z.string().min(1).max(500).optional(),
    publisher: z.string().min(1).max(200).optional(),
    // Goes into ClaimReview and citations: http(s) only (never javascript: or data:), and of a sane length.
    url: z.url({ protocol: /^https?$/, message: 'expected an absolute http(s) URL' }).max(2048, 'expected a URL of at most 2048 characters').optional(),
    date: isoDate.optional(),
    section: z.string().min(1).max(200).optional(),
    cites: z.string().min(1).max(500).optional(),
  })
  .strict();

export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/** Front matter found, and how many UTF-16 units of the text it occupies (0 when absent). */
export interface FrontMatterBlock {
  values: FrontMatter;
  length: number;
}

export class ArticleFormatError extends Error {}

const FENCE = /^\uFEFF?---[ \t]*\r?\n/;

export function readFrontMatter(text: string): FrontMatterBlock {
  const open = FENCE.exec(text);
  if (!open) return { values: {}, length: 0 };
  const close = /\r?\n---[ \t]*(\r?\n|$)/.exec(text.slice(open[0].length));
  if (!close) throw new ArticleFormatError('front matter opened with --- but never closed');
  const body = text.slice(open[0].length, open[0].length + close.index);
  const raw: Record<string, string> = {};
  for (const line of body.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!m) throw new ArticleFormatError(`front matter line is not "key: value": ${JSON.stringify(line.slice(0, 60))}`);
    raw[m[1]!.toLowerCase()] = m[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  const parsed = FrontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join('.') || 'front matter';
    const message = issue.code === 'unrecognized_keys' ? `unknown key(s) ${issue.keys.join(', ')}; allowed: ${Object.keys(FrontMatterSchema.shape).join(', ')}` : issue.message;
    throw new ArticleFormatError(`front matter ${key}: ${message}`);
  }
  return { values: parsed.data, length: open[0].length + close.index + close[0].length };
}
