/**
 * The participant's side of a session: sealing to the session's key (a response code, a response file's bytes),
 * and keeping the sealed hand-over beside their result. Apart from sealed.ts so the dashboard, which only opens
 * what was sealed, ships none of it.
 */
import { fromBase64url } from './base64url.ts';
import { CODE_PREFIX, encodeResponse, fromBase32, toBase32, type SurveyResponse } from './response-code.ts';
import {
  BYTES_LABEL,
  cipherFor,
  compressPoint,
  concat,
  EC,
  fromHex,
  importPoint,
  isP256Point,
  isSealedCode,
  RESPONSE_LABEL,
  SEALED_CODE_PREFIX,
  SEALED_VERSION,
  SESSION_ID,
  sessionMismatch,
  subtle,
  withCrc,
  type SessionLink,
} from './sealed.ts';

/** Encrypts to a session's public key with a fresh ephemeral key (the envelope layout is in sealed.ts). */
async function seal(plain: Uint8Array<ArrayBuffer>, session: SessionLink, label: string): Promise<Uint8Array<ArrayBuffer>> {
  const point = fromBase64url(session.publicKey);
  const sessionKey = point && isP256Point(point) ? await importPoint(point) : undefined;
  if (!sessionKey) throw new RangeError('public key: base64url of an uncompressed P-256 point');
  if (!SESSION_ID.test(session.sessionId)) throw new RangeError('session id: 12 hexadecimal digits');
  const ephemeral = (await subtle().generateKey(EC, false, ['deriveBits'])) as CryptoKeyPair;
  const ephemeralPoint = new Uint8Array(await subtle().exportKey('raw', ephemeral.publicKey));
  const header = concat([SEALED_VERSION], fromHex(session.sessionId), compressPoint(ephemeralPoint));
  const shared = await subtle().deriveBits({ name: 'ECDH', public: sessionKey }, ephemeral.privateKey, 256);
  const { key, params } = await cipherFor(shared, header, label, 'encrypt');
  return concat(header, new Uint8Array(await subtle().encrypt(params, key, plain)));
}

/** Encrypts any bytes to a session (a response file's content, for example). */
export function sealBytes(bytes: Uint8Array, session: SessionLink): Promise<Uint8Array<ArrayBuffer>> {
  return seal(concat(bytes), session, BYTES_LABEL);
}

/** The sealed code of a response made through a session link. Throws a RangeError for what encodeResponse refuses, or a response from another session. */
export async function sealResponse(response: SurveyResponse, session: SessionLink): Promise<string> {
  const mismatch = sessionMismatch(response, session);
  if (mismatch) throw new RangeError(`response: ${mismatch}`);
  // The plain code is payload ‖ CRC-32; the payload is what gets sealed.
  const plain = fromBase32(encodeResponse(response).slice(CODE_PREFIX.length))!;
  const envelope = await seal(plain.slice(0, plain.length - 4), session, RESPONSE_LABEL);
  return SEALED_CODE_PREFIX + toBase32(withCrc(envelope));
}

/**
 * A participant's sealed hand-over, kept next to their stored result: sealing draws a fresh ephemeral key each
 * time, so without this the code (and the QR code) would change every time they reopened their report, and a
 * facilitator who had already scanned it could not tell it was the same response. Only ciphertext and the
 * plain code of a result the device already holds are stored.
 */
export const SEALED_HANDOVERS_KEY = 'banso:survey:sealed';

export interface SealedHandOver {
  /** The plain code of the response sealed: a changed response (or another with the same id) does not match. */
  plain: string;
  /** The session link's fragment it was sealed to. */
  session: string;
  code: string;
  file: unknown;
}

/** The stored hand-overs, skipping any entry that is not one. */
export function parseSealedHandOvers(raw: string | null): SealedHandOver[] {
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (entry): entry is SealedHandOver =>
        typeof entry === 'object' && entry !== null && typeof entry.plain === 'string' && typeof entry.session === 'string' && typeof entry.code === 'string' && isSealedCode(entry.code) && 'file' in entry,
    );
  } catch {
    return [];
  }
}

/** The hand-over sealed earlier for this response and session, if there is one. */
export function findSealedHandOver(list: readonly SealedHandOver[], plain: string, session: string): SealedHandOver | undefined {
  return list.find((entry) => entry.plain === plain && entry.session === session);
}

/**
 * The list with `entry` added, keeping only hand-overs of responses still stored (`keep`, their plain codes), so
 * one the participant removed from this device goes with it.
 */
export function withSealedHandOver(list: readonly SealedHandOver[], entry: SealedHandOver, keep: ReadonlySet<string>): SealedHandOver[] {
  return [...list.filter((other) => keep.has(other.plain) && !(other.plain === entry.plain && other.session === entry.session)), entry];
}
