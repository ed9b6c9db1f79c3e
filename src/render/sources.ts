/** The polled sources as text, the same in the terminal and in Discord's private replies. */
import type { SourceRow } from '../index/sources.js';

function when(iso: string | null, now: Date): string {
  if (iso === null) return 'never';
  const minutes = Math.round((new Date(iso).getTime() - now.getTime()) / 60_000);
  const stamp = `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  if (minutes === 0) return `${stamp} (now)`;
  const span = Math.abs(minutes) >= 120 ? `${Math.round(Math.abs(minutes) / 60)} h` : `${Math.abs(minutes)} min`;
  return `${stamp} (${minutes > 0 ? `in ${span}` : `${span} ago`})`;
}

export function formatSource(s: SourceRow, now: Date): string {
  const lines = [
    `${s.id}. ${s.title ?? s.url} — ${s.kind}, every ${s.intervalMinutes} min`,
    `   ${s.url}`,
    `   last success: ${when(s.lastSuccessAt, now)} · articles added: ${s.articlesAdded}`,
  ];
  if (s.itemsFailing > 0) lines.push(`   items failing: ${s.itemsFailing} (each retried with backoff; the log says why, once)`);
  if (s.lastError !== null) lines.push(`   last error: ${s.lastError} (${when(s.lastErrorAt, now)}; ${s.failures} failed poll${s.failures === 1 ? '' : 's'} in a row, backing off)`);
  lines.push(`   next poll: ${when(s.nextPollAt, now)}`);
  return lines.join('\n');
}

export function formatSourceList(sources: SourceRow[], now: Date): string {
  if (sources.length === 0) return 'No sources yet. Add a feed or a page with /sources add url:<feed or page>.';
  return [`${sources.length} source${sources.length === 1 ? '' : 's'} polled:`, ...sources.map((s) => formatSource(s, now))].join('\n');
}
