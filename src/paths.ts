/**
 * The project's root folder, wherever this module runs from: src/paths.ts under tsx (development,
 * tests), dist/src/paths.js once compiled. Data that is not compiled (db/migrations, db/synonyms.txt,
 * the commands' sources, the test fixtures) is found from here, never by counting `..` per module.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The path alone: tsx may add a query to a module's URL (in worker threads).
const compiled = !new URL(import.meta.url).pathname.endsWith('.ts');

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), compiled ? '../..' : '..');

/** Where the compiled modules live (dist/ when compiled, the project root under tsx). */
export const CODE_ROOT = compiled ? resolve(PROJECT_ROOT, 'dist') : PROJECT_ROOT;
