/**
 * Reading request bodies the way Discord accepts them: JSON, or multipart/form-data with the JSON
 * in a `payload_json` part next to `files[n]` parts (what discord.js sends whenever a message has
 * attachments), or urlencoded form fields.
 */
import type { IncomingMessage } from 'node:http';
import { invalidJson, DiscordHttpError } from './errors.js';
import type { RecordedFile } from './types.js';

/** Discord's request size ceiling for bots is 25 MiB; anything larger is a test bug. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;

export interface ParsedBody {
  /** The JSON payload (undefined when the request had no body). */
  json: unknown;
  files: RecordedFile[];
  contentType: string;
}

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new DiscordHttpError(413, { message: 'Request entity too large', code: 40005 });
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export async function parseBody(raw: Buffer, contentTypeHeader: string | undefined): Promise<ParsedBody> {
  const contentType = (contentTypeHeader ?? '').toLowerCase();
  if (raw.length === 0) return { json: undefined, files: [], contentType };

  if (contentType.startsWith('multipart/form-data')) return parseMultipart(raw, contentTypeHeader ?? '');

  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    return { json: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))), files: [], contentType };
  }

  // Discord reads anything else as JSON; so do we (and say so when it is not).
  return { json: parseJson(raw.toString('utf8')), files: [], contentType };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidJson();
  }
}

/**
 * Multipart parsing is delegated to the WHATWG `Request#formData()` built into Node, which
 * implements RFC 7578 properly; hand-rolled boundary splitting is where test servers go wrong.
 */
async function parseMultipart(raw: Buffer, contentTypeHeader: string): Promise<ParsedBody> {
  const request = new Request('http://standin.invalid/', {
    method: 'POST',
    headers: { 'content-type': contentTypeHeader },
    // A copy into a plain ArrayBuffer-backed array satisfies BodyInit's typing.
    body: new Uint8Array(raw),
  });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new DiscordHttpError(400, { message: 'Invalid multipart body', code: 50035, errors: {} });
  }

  const files: RecordedFile[] = [];
  const fields: Record<string, string> = {};
  let json: unknown;
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') json = parseJson(value);
      else fields[field] = value;
    } else {
      files.push({ field, name: value.name, size: value.size, contentType: value.type || 'application/octet-stream' });
    }
  }
  // Without payload_json Discord takes the plain fields as the payload.
  if (json === undefined && Object.keys(fields).length > 0) json = fields;
  return { json, files, contentType: 'multipart/form-data' };
}
