/**
 * Reading article files: decoding and the checks that turn a bad file into
 * one clear reason (empty, binary, not UTF-8, too large) instead of a crash.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBody } from '../sources/decode.js';
import { CORPUS_EXTENSIONS } from '../sources/readers.js';

export type DecodeResult =
  | { ok: true; text: string; hash: string; bytes: number }
  | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Pure: bytes of one file → its text, or why it cannot be an article. */
export function decodeArticle(bytes: Uint8Array, maxBytes: number): DecodeResult {
  if (bytes.length > maxBytes) return { ok: false, reason: `larger than the ${formatBytes(maxBytes)} limit (${formatBytes(bytes.length)})` };
  if (bytes.includes(0)) return { ok: false, reason: 'binary content (NUL bytes), not a text article' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not valid UTF-8 (Latin-1 or another encoding?); convert it with iconv -f latin1 -t utf-8' };
  }
  if (!/[^\s\uFEFF\u00a0]/.test(text)) return { ok: false, reason: 'empty' };
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 8 && controls / text.length > 0.01) return { ok: false, reason: 'binary content (control characters), not a text article' };
  return { ok: true, text, hash: sha256(bytes), bytes: bytes.length };
}

/** A page, feed, Markdown file or export: decoded in the charset it declares (decode.ts). */
export function decodeMarkup(bytes: Uint8Array, maxBytes: number): DecodeResult {
  if (bytes.length > maxBytes) return { ok: false, reason: `larger than the ${formatBytes(maxBytes)} limit (${formatBytes(bytes.length)})` };
  const { text } = decodeBody(bytes, null);
  if (!/[^\s\uFEFF\u00a0]/.test(text)) return { ok: false, reason: 'empty' };
  return { ok: true, text, hash: sha256(bytes), bytes: bytes.length };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

/** The corpus's article files (text, HTML, Markdown, feeds, JSON exports), sorted by name, without reading them. */
export function listCorpusFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && CORPUS_EXTENSIONS.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** Reads one file, refusing oversized ones before loading them into memory. */
export function readArticleFile(dir: string, file: string, maxBytes: number): DecodeResult {
  const path = join(dir, file);
  try {
    const size = statSync(path).size;
    if (size > maxBytes) return { ok: false, reason: `larger than the ${formatBytes(maxBytes)} limit (${formatBytes(size)})` };
    const bytes = readFileSync(path);
    // Text files must be UTF-8 (the seeds' rule); pages, feeds and exports say their charset.
    return file.toLowerCase().endsWith('.txt') ? decodeArticle(bytes, maxBytes) : decodeMarkup(bytes, maxBytes);
  } catch (error) {
    return { ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}
