/**
 * A session key's fingerprint: a short code a facilitator can show on the projector and participants can compare
 * with the one their survey shows, so a link carrying someone else's public key (the link's CRC only catches
 * accidents) is noticed before anything is sealed to it.
 *
 * Fingerprint, version 1: SHA-256 of the 65-byte uncompressed public key; its first 50 bits as ten characters of
 * Crockford base32 (no I, L, O or U, so nothing reads as another character aloud), in two groups of five joined by
 * a hyphen, e.g. "7KQ2M-9TFXA". Forging a key with a given fingerprint takes about 2^50 key generations.
 */

/**
 * base64url to bytes with the browser's own decoder, rather than base64url.ts: the projector window needs only
 * this, and sharing that module would split it into a chunk of its own on every page that uses it.
 */
function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const FINGERPRINT_LENGTH = 10;

/** The fingerprint of a raw (uncompressed, 65-byte) P-256 public key. */
export async function keyFingerprint(publicKey: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', publicKey));
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of digest) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && out.length < FINGERPRINT_LENGTH) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length === FINGERPRINT_LENGTH) break;
  }
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** The fingerprint of a session's public key as a session descriptor carries it (base64url); undefined when it is not one. */
export function sessionFingerprint(publicKey: string): Promise<string> | undefined {
  const bytes = fromBase64url(publicKey);
  return bytes?.length === 65 ? keyFingerprint(bytes) : undefined;
}

/**
 * The fingerprint of the public key in a session link ('#session=…', 'session=…' or the whole link), read as
 * sealed.ts lays the link out, without checking the rest (decodeSessionFragment does that); undefined when the
 * link holds no key. Light enough for the projector window, which has no other use for the survey code.
 */
export function linkFingerprint(link: string): Promise<string> | undefined {
  const value = new URLSearchParams(link.slice(link.indexOf('#') + 1)).get('session');
  const bytes = value ? fromBase64url(value.replace(/\s/g, '')) : undefined;
  if (!bytes || bytes.length < 10) return undefined;
  const start = 10 + bytes[9]!;
  return bytes.length === start + 65 + 4 ? keyFingerprint(bytes.slice(start, start + 65)) : undefined;
}
