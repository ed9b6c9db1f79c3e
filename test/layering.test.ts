/**
 * The house's layers point one way: text ← sources ← corpus ← extract ← index ← answers ← render ← shells,
 * with the pipeline (prepare, ingest, polling) above corpus, extract and index and below the shells.
 * This test reads every import in src/ and commands/ and fails on one that points up or sideways.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/** What each layer may import (besides itself). `base` is threads.ts and paths.ts, leaf utilities any layer may use; config.ts is read by the shells. */
const BELOW = ['base', 'text', 'sources', 'corpus', 'extract', 'index'];
const MAY_IMPORT: Record<string, string[]> = {
  base: [],
  text: ['base'],
  sources: ['base', 'text'],
  corpus: ['base', 'text', 'sources'],
  extract: ['base', 'text', 'sources', 'corpus'],
  index: ['base', 'text', 'sources', 'corpus', 'extract'],
  pipeline: BELOW,
  answers: BELOW,
  render: [...BELOW, 'answers'],
  shell: [...BELOW, 'pipeline', 'answers', 'render', 'shell'],
};

/**
 * Imports against the layering that are known and owed a move; each names why it is still here.
 * An entry that no longer matches an import fails the test, so the list can only shrink.
 */
const KNOWN_EXCEPTIONS: Record<string, string> = {
  'src/corpus/parse.ts -> src/extract/sentences.ts': 'sentence splitting belongs in text/; moved once the attribution rewrite in extract/ has landed',
  'src/answers/autocomplete.ts -> src/render/limits.ts': "Discord's limits as data belong below answers; the lookups registry (issue 13) reworks this file",
  'src/answers/autocomplete.ts -> src/render/escape.ts': 'shorten() belongs in text/; the lookups registry (issue 13) reworks this file',
  'src/index/statements.ts -> src/answers/types.ts': 'the Citation type belongs in index/; the lookups registry (issue 13) reworks answers/types',
};

function layerOf(file: string): string {
  const rel = relative(ROOT, file).split('\\').join('/');
  if (rel.startsWith('commands/')) return 'shell';
  const m = /^src\/([^/]+)\//.exec(rel);
  if (m === null) return rel === 'src/threads.ts' || rel === 'src/paths.ts' ? 'base' : 'shell';
  const folder = m[1]!;
  if (folder in MAY_IMPORT) return folder;
  return 'shell'; // discord, cli, digest, bench
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Relative imports of a module (static, `import type`, re-exports and dynamic import()), resolved to .ts paths. */
export function importsOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts'));
}

function violations(): string[] {
  const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'commands'))];
  const found: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    for (const target of importsOf(file)) {
      const to = layerOf(target);
      if (to === from || MAY_IMPORT[from]!.includes(to)) continue;
      found.push(`${relative(ROOT, file)} -> ${relative(ROOT, target)}`);
    }
  }
  return found;
}

describe('layering', () => {
  it('no module imports a layer above it (or a sibling it must not know), beyond the listed exceptions', () => {
    const unexpected = violations().filter((v) => !(v in KNOWN_EXCEPTIONS));
    expect(unexpected).toEqual([]);
  });

  it('every listed exception is still needed (the list only shrinks)', () => {
    const found = new Set(violations());
    expect(Object.keys(KNOWN_EXCEPTIONS).filter((e) => !found.has(e))).toEqual([]);
  });

  it('catches an upward import (the checker itself works)', () => {
    const fake = join(ROOT, 'src/index/fake.ts');
    const imports = importsOf(fake, "import type { PreparedArticle } from '../pipeline/prepare.js';\nconst m = await import('../answers/types.js');");
    expect(imports.map((t) => layerOf(t))).toEqual(['pipeline', 'answers']);
    expect(imports.every((t) => !MAY_IMPORT[layerOf(fake)]!.includes(layerOf(t)))).toBe(true);
  });
});
