/**
 * The heavier reader libraries, loaded on first use: a corpus of plain text files (and every
 * preparing thread reading one) never pays for a DOM or a feed parser it does not need
 * (linkedom alone took ≈ 1 s to import on this machine).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let linkedomModule: typeof import('linkedom') | undefined;
let readabilityModule: typeof import('@mozilla/readability') | undefined;
let feedsmithModule: typeof import('feedsmith') | undefined;

export function linkedom(): typeof import('linkedom') {
  return (linkedomModule ??= require('linkedom') as typeof import('linkedom'));
}

export function readability(): typeof import('@mozilla/readability') {
  return (readabilityModule ??= require('@mozilla/readability') as typeof import('@mozilla/readability'));
}

export function feedsmith(): typeof import('feedsmith') {
  return (feedsmithModule ??= require('feedsmith') as typeof import('feedsmith'));
}
