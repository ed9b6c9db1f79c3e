/**
 * Discord signs every HTTP interaction with Ed25519 over timestamp + raw body.
 * A request is accepted only if the signature verifies, the timestamp is
 * within five minutes of now, and the same signature has not been seen before
 * (a captured request cannot be replayed while it is still fresh).
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER header of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
export const MAX_SIGNATURE_AGE_MS = 5 * 60_000;

export function publicKeyFromHex(hex: string): KeyObject {
  const raw = Buffer.from(hex, 'hex');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes (64 hex digits)');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export type SignatureVerdict = 'ok' | 'missing' | 'bad-signature' | 'stale' | 'replayed';

export class SignatureVerifier {
  readonly #key: KeyObject;
  readonly #clock: () => number;
  /**
   * Accepted signatures → when to forget them. A timestamp may be up to five minutes
   * ahead of our clock, so one stays usable for up to ten minutes from now; remembering
   * every one for that long keeps insertion order = expiry order.
   */
  readonly #seen = new Map<string, number>();

  constructor(publicKeyHex: string, clock: () => number = Date.now) {
    this.#key = publicKeyFromHex(publicKeyHex);
    this.#clock = clock;
  }

  /** What the headers alone tell, before any body is read: 'missing' (absent or ill-formed), 'stale', or 'ok' to go on. */
  precheck(signatureHex: string | undefined, timestamp: string | undefined): 'ok' | 'missing' | 'stale' {
    if (!signatureHex || !timestamp || !/^[0-9a-f]{128}$/i.test(signatureHex) || !/^\d{1,12}$/.test(timestamp)) return 'missing';
    if (Math.abs(this.#clock() - Number(timestamp) * 1000) > MAX_SIGNATURE_AGE_MS) return 'stale';
    return 'ok';
  }

  check(signatureHex: string | undefined, timestamp: string | undefined, body: Buffer): SignatureVerdict {
    if (signatureHex === undefined || timestamp === undefined || this.precheck(signatureHex, timestamp) === 'missing') return 'missing';
    const signature = Buffer.from(signatureHex, 'hex');
    if (!verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), this.#key, signature)) return 'bad-signature';
    const now = this.#clock();
    if (Math.abs(now - Number(timestamp) * 1000) > MAX_SIGNATURE_AGE_MS) return 'stale';
    this.#forgetExpired(now);
    const id = signatureHex.toLowerCase();
    if (this.#seen.has(id)) return 'replayed';
    this.#seen.set(id, now + 2 * MAX_SIGNATURE_AGE_MS);
    return 'ok';
  }

  #forgetExpired(now: number): void {
    for (const [id, expiresAt] of this.#seen) {
      if (expiresAt > now) break;
      this.#seen.delete(id);
    }
  }
}
