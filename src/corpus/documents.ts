/**
 * A corpus file → the articles it holds, each with its identity: the canonical URL when the
 * article has one, else the file name (file#n when the file holds several). Plain text files are
 * read exactly as before (one article, the file's own hash); feeds, pages, Markdown and exports
 * go through their readers (sources/), chosen by content.
 */
import { createHash } from 'node:crypto';
import { readDocuments } from '../sources/readers.js';
import { ReadError, type SourceDocument } from '../sources/types.js';
import { readFrontMatter } from './frontMatter.js';

export interface CorpusDocument {
  key: string;
  /** The file's hash for a one-article text file (as always); the document's own otherwise. */
  hash: string;
  document: SourceDocument;
}

export type DocumentsResult = { ok: true; documents: CorpusDocument[] } | { ok: false; reason: string };

function frontMatterUrl(text: string): string | null {
  try {
    return readFrontMatter(text).values.url ?? null;
  } catch {
    return null; // the parse reports a bad front matter with its reason
  }
}

function documentHash(document: SourceDocument): string {
  return createHash('sha256').update(JSON.stringify(document)).digest('hex');
}

/** The articles of one decoded file; `fileHash` is the SHA-256 of its bytes. */
export function documentsOf(file: string, text: string, fileHash: string): DocumentsResult {
  let documents: SourceDocument[];
  try {
    documents = readDocuments(text, file);
  } catch (error) {
    if (error instanceof ReadError) return { ok: false, reason: error.message };
    throw error;
  }
  if (documents.length === 0) return { ok: false, reason: 'no articles in it' };
  const single = documents.length === 1;
  return {
    ok: true,
    documents: documents.map((document, i) => ({
      key: document.url ?? frontMatterUrl(document.text) ?? (single ? file : `${file}#${i + 1}`),
      hash: single && document.url === null && document.title === null ? fileHash : documentHash(document),
      document,
    })),
  };
}
