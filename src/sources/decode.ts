/**
 * Bytes → text in the right character set: the Content-Type's charset, else a byte-order mark,
 * else what the document declares (<meta charset>, the XML declaration), else UTF-8 — and a body
 * that is not valid UTF-8 without saying so is read as Windows-1252, as browsers do. Many
 * Ukrainian and Russian outlets still serve Windows-1251 (and a few KOI8-R): the WHATWG decoders
 * in Node read them all.
 */

export class CharsetError extends Error {}

function charsetOf(contentType: string | null): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** A charset the document declares in its first kilobytes (ASCII-compatible encodings only). */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function decoderFor(label: string, fatal: boolean): TextDecoder {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    throw new CharsetError(`unknown character set "${label}"`);
  }
}

export interface Decoded {
  text: string;
  charset: string;
}

export function decodeBody(bytes: Uint8Array, contentType: string | null): Decoded {
  const label = charsetOf(contentType) ?? bomCharset(bytes) ?? declaredCharset(bytes);
  if (label !== null) {
    const decoder = decoderFor(label, false);
    return { text: decoder.decode(bytes), charset: decoder.encoding };
  }
  try {
    return { text: decoderFor('utf-8', true).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: decoderFor('windows-1252', false).decode(bytes), charset: 'windows-1252' };
  }
}
