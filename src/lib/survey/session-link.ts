/**
 * Making a session and reading its link: the facilitator's browser makes the key pair (sessions page), and the
 * participant's browser reads the link's fragment (survey). The layouts are described in sealed.ts; these live apart
 * from it so the dashboard, which only opens what was sealed, ships none of this code.
 */
import { fromBase64url, toBase64url } from './base64url.ts';
import { COHORT_PATTERN, WAVES, type Wave } from './response-code.ts';
import { concat, crcMatches, EC, fromHex, hex, ID_BYTES, importPoint, isP256Point, POINT_BYTES, SESSION_ID, SESSION_LINK_VERSION, subtle, withCrc, type SessionDescriptor, type SessionKeys, type SessionLink } from './sealed.ts';

export type SessionLinkError = { kind: 'not-a-session-link' | 'damaged' | 'newer-format' | 'malformed'; detail: string };
export type SessionLinkResult = { ok: true; session: SessionLink } | { ok: false; error: SessionLinkError };


/** Throws a RangeError naming the field, as encodeResponse does, for values a session cannot carry. */
function checkSessionFields(session: { cohort: string; wave: Wave; instrumentVersion: number }) {
  if (!COHORT_PATTERN.test(session.cohort)) throw new RangeError('cohort: up to 16 of A–Z, 0–9 and -');
  if (!WAVES.includes(session.wave)) throw new RangeError(`wave: one of ${WAVES.join(', ')}`);
  if (!Number.isInteger(session.instrumentVersion) || session.instrumentVersion < 1 || session.instrumentVersion > 255) throw new RangeError('instrument version: 1–255');
}

/** Makes a new session in this browser. Keep the private key here (IndexedDB) and offer its backup file. */
export async function createSession(options: { cohort: string; wave: Wave; instrumentVersion: number }): Promise<SessionKeys & { publicKey: CryptoKey }> {
  checkSessionFields(options);
  const pair = (await subtle().generateKey(EC, true, ['deriveBits'])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  const descriptor: SessionDescriptor = {
    sessionId: hex(globalThis.crypto.getRandomValues(new Uint8Array(ID_BYTES))),
    cohort: options.cohort,
    wave: options.wave,
    instrumentVersion: options.instrumentVersion,
    publicKey: toBase64url(publicKey),
    createdAt: new Date().toISOString(),
  };
  return { descriptor, privateKey: pair.privateKey, publicKey: pair.publicKey };
}

/** The text after '#' in a session link. A URL fragment is never sent to the web server. */
export function encodeSessionFragment(session: SessionLink): string {
  checkSessionFields(session);
  const publicKey = fromBase64url(session.publicKey);
  if (!publicKey || !isP256Point(publicKey)) throw new RangeError('public key: base64url of an uncompressed P-256 point');
  if (!SESSION_ID.test(session.sessionId)) throw new RangeError('session id: 12 hexadecimal digits');
  const bytes = concat(
    [SESSION_LINK_VERSION],
    fromHex(session.sessionId),
    [session.instrumentVersion, WAVES.indexOf(session.wave), session.cohort.length],
    [...session.cohort].map((c) => c.charCodeAt(0)),
    publicKey,
  );
  return `session=${toBase64url(withCrc(bytes))}`;
}

/** Reads a session link's fragment ('#session=…', 'session=…' or the whole link); never throws. */
export async function decodeSessionFragment(input: string): Promise<SessionLinkResult> {
  const fail = (kind: SessionLinkError['kind'], detail: string): SessionLinkResult => ({ ok: false, error: { kind, detail } });
  const fragment = input.slice(input.indexOf('#') + 1);
  const value = fragment
    .split('&')
    .find((part) => part.trim().startsWith('session='))
    ?.trim()
    .slice('session='.length)
    // Chat apps and e-mail may break a long link across lines.
    .replace(/\s/g, '');
  if (value === undefined) return fail('not-a-session-link', 'it has no "session=" part: it is not a session link');
  if (!/^[A-Za-z0-9_-]*$/.test(value)) return fail('damaged', 'it contains characters that session links never use');
  const bytes = fromBase64url(value);
  if (!bytes || bytes.length < 5) return fail('damaged', 'it is cut short: part of the link is missing');
  // Every version starts with its version byte and ends with a CRC-32, so damage is found before the version is
  // trusted: a mistyped first character is reported as damage, not as a link from a newer kit.
  const expected = 10 + (bytes[9] ?? 0) + POINT_BYTES + 4;
  if (!crcMatches(bytes)) {
    return bytes[0] === SESSION_LINK_VERSION && bytes.length < expected
      ? fail('damaged', 'it is cut short: part of the link is missing')
      : fail('damaged', 'its check digits do not match: part of the link is missing or changed');
  }
  if (bytes[0]! > SESSION_LINK_VERSION) return fail('newer-format', `it was made by a newer version of the kit (session link version ${bytes[0]})`);
  if (bytes[0] !== SESSION_LINK_VERSION) return fail('malformed', `unknown session link version ${bytes[0]}`);
  if (bytes.length !== expected) return fail('malformed', 'its length does not fit its contents');
  const cohortLength = bytes[9]!;
  const wave = WAVES[bytes[8]!];
  if (!wave) return fail('malformed', 'it names an unknown survey wave');
  const cohort = String.fromCharCode(...bytes.subarray(10, 10 + cohortLength));
  if (!COHORT_PATTERN.test(cohort)) return fail('malformed', 'its cohort code is not valid');
  if (bytes[7] === 0) return fail('malformed', 'its survey version is 0');
  const publicKey = bytes.subarray(10 + cohortLength, 10 + cohortLength + POINT_BYTES);
  if (!isP256Point(publicKey) || !(await importPoint(publicKey))) return fail('malformed', 'its public key is not a valid P-256 key');
  return { ok: true, session: { sessionId: hex(bytes.subarray(1, 7)), cohort, wave, instrumentVersion: bytes[7]!, publicKey: toBase64url(publicKey) } };
}
