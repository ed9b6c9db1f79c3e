/**
 * Reading article files: decoding and the checks that turn a bad file into
 * one clear reason (empty, binary, not UTF-8, too large) instead of a crash.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import { decodeBody } from '../sources/decode.js';
import { CORPUS_EXTENSIONS } from '../sources/readers.js';
import { CorpusDirError } from './errors.js';
import { byCodeUnits } from '../text/search.js';

export type DecodeResult =
  | { ok: true; text: string; hash: string; bytes: number }
  | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

/** UTF-16 as Windows tools save it: a byte-order mark, then two bytes a character (many of them NUL). */
function decodeUtf16(bytes: Uint8Array): string | null | 'invalid' {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return null;
  try {
    return (le ? utf16le : utf16be).decode(bytes.subarray(2));
  } catch {
    return 'invalid';
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Mostly Latin text in UTF-16: every other byte is NUL (high bytes, or low bytes in big-endian). */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  return pairs > 0 && Math.max(evenNul, oddNul) > pairs * 0.6 && Math.min(evenNul, oddNul) < pairs * 0.05;
}

/** Pure: bytes of one file → its text, or why it cannot be an article. */
export function decodeArticle(bytes: Uint8Array, maxBytes: number): DecodeResult {
  if (bytes.length > maxBytes) return { ok: false, reason: `larger than the ${formatBytes(maxBytes)} limit (${formatBytes(bytes.length)})` };
  const utf16 = decodeUtf16(bytes);
  if (utf16 === 'invalid') return { ok: false, reason: 'UTF-16 (byte-order mark) but not valid UTF-16; convert it with iconv -f utf-16 -t utf-8' };
  if (utf16 === null && bytes.includes(0)) {
    if (looksLikeUtf16(bytes)) return { ok: false, reason: 'UTF-16 text without a byte-order mark; convert it with iconv -f utf-16le -t utf-8 (or save it with a BOM)' };
    return { ok: false, reason: 'binary content (NUL bytes), not a text article' };
  }
  let text: string;
  if (utf16 !== null) text = utf16;
  else {
    try {
      text = utf8.decode(bytes);
    } catch {
      return { ok: false, reason: 'not valid UTF-8 (Latin-1 or another encoding?); convert it with iconv -f latin1 -t utf-8' };
    }
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

export { CorpusDirError };

/** The corpus's article entries (text, HTML, Markdown, feeds, JSON exports): regular files to read, and the others (each with why it is not read). */
export interface CorpusListing {
  files: string[];
  unusable: { file: string; reason: string }[];
}

/** The corpus's article files (text, HTML, Markdown, feeds, JSON exports), sorted by name, without reading them. */
export function listCorpusFiles(dir: string): string[] {
  return scanCorpusDir(dir).files;
}

function notARegularFile(entry: Dirent | Stats): string {
  if (entry.isSymbolicLink()) return 'a symbolic link, not a regular file (links are not followed: they may point outside the corpus)';
  if (entry.isDirectory()) return 'a folder, not a file';
  if (entry.isFIFO()) return 'a named pipe (FIFO), not a file';
  if (entry.isSocket()) return 'a socket, not a file';
  return 'a device or other special file, not a regular file';
}

/** Every article entry of the corpus folder (by extension), sorted by name: the regular files, and the rest with a reason. */
export function scanCorpusDir(dir: string): CorpusListing {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a folder' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? 'unknown error'})`;
    throw new CorpusDirError(`corpus folder ${dir} ${what}: set CORPUS_DIR (or --corpus) to the folder of article files`);
  }
  const named = entries.filter((e) => CORPUS_EXTENSIONS.test(e.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    files: named.filter((e) => e.isFile()).map((e) => e.name),
    unusable: named.filter((e) => !e.isFile()).map((e) => ({ file: e.name, reason: notARegularFile(e) })),
  };
}

/**
 * The files a producer named as changed, as a scan would list them: those present, and those that cannot be
 * articles of the folder (a path, another extension, a folder) with why. A name that is gone is in neither list
 * (the ingest then removes its articles). Nothing else of the folder is looked at.
 */
export function listNamedCorpusFiles(dir: string, names: readonly string[]): CorpusListing {
  const listing: CorpusListing = { files: [], unusable: [] };
  for (const name of [...new Set(names)].sort(byCodeUnits)) {
    if (name === '' || name === '.' || name === '..' || /[\\/]/.test(name)) {
      listing.unusable.push({ file: name, reason: 'not a file name of the corpus folder (a bare name, no folder part)' });
      continue;
    }
    if (!CORPUS_EXTENSIONS.test(name)) {
      listing.unusable.push({ file: name, reason: 'not an article file (not one of the corpus folder\'s extensions)' });
      continue;
    }
    const stat = lstatSync(join(dir, name), { throwIfNoEntry: false });
    if (stat === undefined) continue;
    if (stat.isFile()) listing.files.push(name);
    else listing.unusable.push({ file: name, reason: notARegularFile(stat) });
  }
  return listing;
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
