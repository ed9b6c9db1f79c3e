/**
 * Starting one of our modules in a worker thread. Under tsx (the sources are
 * .ts) the thread must register tsx itself: a worker does not inherit the
 * parent's loader.
 */
import { Worker } from 'node:worker_threads';

/** `relative` names the module without its extension, relative to `from` (the caller's import.meta.url). */
export function startThread(relative: string, from: string, workerData: unknown): Worker {
  const typescript = from.endsWith('.ts');
  const entry = new URL(`${relative}${typescript ? '.ts' : '.js'}`, from);
  if (!typescript) return new Worker(entry, { workerData });
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`;
  return new Worker(bootstrap, { eval: true, workerData });
}
