/**
 * Facilitator sessions and sealed (encrypted) responses, with WebCrypto only. A facilitator's browser makes a
 * session: an ECDH P-256 key pair whose public half travels in the session link's URL fragment. A response made
 * through that link is sealed to that public key, so only the browser holding the private key can read it.
 * Sealing gives confidentiality, not authorship: anyone holding the link can make a sealed response.
 * Documented for other tools in the guide "Survey response formats"; change a layout only by adding a version.
 *
 * Session link fragment, version 1:
 *   session=<base64url of: 1 ‖ session id (6) ‖ instrument version ‖ wave index ‖ cohort length n ‖ n bytes
 *            of [A-Z0-9-] ‖ session public key (65, uncompressed: 04 ‖ x ‖ y) ‖ CRC-32 of all before, big-endian>
 * Every later version must also start with its version byte and end with a CRC-32 (see decodeSessionFragment).
 *
 * Sealed envelope, version 1 (a response code's or a response file's content):
 *   0       version (1)
 *   1–6     session id
 *   7–39    ephemeral public key, compressed (SEC 1 §2.3.3: 02 or 03 for the parity of y, then x)
 *   40…     AES-256-GCM ciphertext, then its 16-byte tag
 * Key and IV: HKDF-SHA-256 (RFC 5869) of the ECDH secret between the ephemeral private key and the session
 * public key, salt = session id, info = label ‖ compressed ephemeral key, 44 bytes: AES key (32) ‖ IV (12).
 * The label is "banso sealed response v1" for codes and "banso sealed bytes v1" for anything else, so one kind
 * cannot be passed off as the other. Additional authenticated data: version ‖ session id. A fresh ephemeral key
 * for every seal means a key and IV are never used twice, and a deterministic IV is safe.
 *
 * Sealed response code, version 1:
 *   BNX1 <Crockford base32 of: envelope of the plain code's payload (response-code.ts) ‖ CRC-32, big-endian>
 * The CRC lets a mistyped code be reported as mistyped rather than as "cannot decrypt".
 */
import { CODE_PREFIX, crc32, decodeResponse, fromBase32, toBase32, type SurveyResponse, type Wave } from './response-code.ts';

export const SEALED_CODE_PREFIX = 'BNX1';
export const SEALED_VERSION = 1;
export const SESSION_LINK_VERSION = 1;


/** What a participant's browser learns from a session link. */
export interface SessionLink {
  /** Twelve hexadecimal digits. */
  sessionId: string;
  cohort: string;
  wave: Wave;
  instrumentVersion: number;
  /** The session's ECDH P-256 public key: base64url of the 65-byte uncompressed point. */
  publicKey: string;
}

/** A session as the facilitator's browser keeps it. */
export interface SessionDescriptor extends SessionLink {
  /** ISO 8601 time the session was created. */
  createdAt: string;
}

/** A session this browser can read: its descriptor and private key. */
export interface SessionKeys {
  descriptor: SessionDescriptor;
  privateKey: CryptoKey;
}

/** Finds the keys of a session this browser holds (from IndexedDB, say); undefined when it holds none. */
export type SessionKeyLookup = (sessionId: string) => SessionKeys | undefined | Promise<SessionKeys | undefined>;

export type SealedCodeError =
  | { kind: 'not-a-sealed-code'; detail: string }
  | { kind: 'mistyped'; detail: string }
  | { kind: 'newer-codec'; version: number; detail: string }
  | { kind: 'other-session'; sessionId: string; detail: string }
  | { kind: 'tampered'; detail: string }
  | { kind: 'malformed'; detail: string };
export type SealedCodeResult = { ok: true; response: SurveyResponse; session: SessionDescriptor } | { ok: false; error: SealedCodeError };

export type OpenedBytesError = Extract<SealedCodeError, { kind: 'newer-codec' | 'other-session' | 'tampered' | 'malformed' }>;
export type OpenedBytesResult = { ok: true; bytes: Uint8Array<ArrayBuffer>; session: SessionDescriptor } | { ok: false; error: OpenedBytesError };

export const EC = { name: 'ECDH', namedCurve: 'P-256' } as const;
export const SESSION_ID = /^[0-9a-f]{12}$/;
export const ID_BYTES = 6;
export const POINT_BYTES = 65;
const COMPRESSED_BYTES = 33;
const HEADER_BYTES = 1 + ID_BYTES + COMPRESSED_BYTES;
const TAG_BYTES = 16;
export const RESPONSE_LABEL = 'banso sealed response v1';
export const BYTES_LABEL = 'banso sealed bytes v1';

export const subtle = () => globalThis.crypto.subtle;
export const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
export const fromHex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));

export function concat(...parts: ArrayLike<number>[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function withCrc(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = concat(bytes, [0, 0, 0, 0]);
  new DataView(out.buffer).setUint32(bytes.length, crc32(bytes));
  return out;
}

export function crcMatches(bytes: Uint8Array): boolean {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 4) === crc32(bytes.subarray(0, bytes.length - 4));
}

// P-256 (FIPS 186-4 D.1.2.3): y² = x³ − 3x + b over the prime field p. Since p ≡ 3 (mod 4), a square root of
// a is a^((p+1)/4). Decompressing ourselves is needed because not every browser imports compressed points.
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;
const toBigInt = (bytes: Uint8Array) => BigInt(`0x${hex(bytes)}`);
const fromBigInt = (value: bigint) => fromHex(value.toString(16).padStart(64, '0'));

function modPow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  base %= P;
  for (; exponent > 0n; exponent >>= 1n) {
    if (exponent & 1n) result = (result * base) % P;
    base = (base * base) % P;
  }
  return result;
}

const curveRight = (x: bigint) => (((((x * x) % P) * x - 3n * x + B) % P) + P) % P;

/** Whether bytes are an uncompressed point on P-256 (04 ‖ x ‖ y). */
export function isP256Point(point: Uint8Array): boolean {
  if (point.length !== POINT_BYTES || point[0] !== 4) return false;
  const x = toBigInt(point.subarray(1, 33));
  const y = toBigInt(point.subarray(33));
  return x < P && y < P && (y * y) % P === curveRight(x);
}

export function compressPoint(point: Uint8Array): Uint8Array<ArrayBuffer> {
  return concat([2 | (point[POINT_BYTES - 1]! & 1)], point.subarray(1, 33));
}

/** The uncompressed point, or undefined when the bytes are not a compressed point on P-256. */
export function decompressPoint(compressed: Uint8Array): Uint8Array<ArrayBuffer> | undefined {
  if (compressed.length !== COMPRESSED_BYTES || (compressed[0] !== 2 && compressed[0] !== 3)) return undefined;
  const x = toBigInt(compressed.subarray(1));
  if (x >= P) return undefined;
  const right = curveRight(x);
  let y = modPow(right, (P + 1n) / 4n);
  if ((y * y) % P !== right) return undefined;
  if ((y & 1n) !== BigInt(compressed[0]! & 1)) y = P - y;
  return concat([4], fromBigInt(x), fromBigInt(y));
}

export async function importPoint(point: Uint8Array<ArrayBuffer>): Promise<CryptoKey | undefined> {
  try {
    return await subtle().importKey('raw', point, EC, true, []);
  } catch {
    return undefined;
  }
}

export async function cipherFor(shared: ArrayBuffer, header: Uint8Array<ArrayBuffer>, label: string, usage: 'encrypt' | 'decrypt') {
  const secret = await subtle().importKey('raw', shared, 'HKDF', false, ['deriveBits']);
  const info = concat(new TextEncoder().encode(label), header.subarray(1 + ID_BYTES, HEADER_BYTES));
  const material = new Uint8Array(await subtle().deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: header.subarray(1, 1 + ID_BYTES), info }, secret, 44 * 8));
  const key = await subtle().importKey('raw', material.subarray(0, 32), 'AES-GCM', false, [usage]);
  return { key, params: { name: 'AES-GCM', iv: material.subarray(32, 44), additionalData: header.subarray(0, 1 + ID_BYTES), tagLength: 128 } };
}

async function open(envelope: Uint8Array, lookup: SessionKeyLookup, label: string): Promise<OpenedBytesResult> {
  if (envelope.length < HEADER_BYTES + TAG_BYTES) return { ok: false, error: { kind: 'malformed', detail: 'it is too short to hold a sealed response' } };
  const version = envelope[0]!;
  if (version > SEALED_VERSION) return { ok: false, error: { kind: 'newer-codec', version, detail: `it was sealed by a newer version of the kit (version ${version})` } };
  if (version !== SEALED_VERSION) return { ok: false, error: { kind: 'malformed', detail: `unknown sealed version ${version}` } };
  const sessionId = hex(envelope.subarray(1, 1 + ID_BYTES));
  const keys = await lookup(sessionId);
  if (!keys) {
    return {
      ok: false,
      error: { kind: 'other-session', sessionId, detail: `it was made for session ${sessionId}, which this browser does not hold: import that session's key backup to read it` },
    };
  }
  const tampered = { ok: false, error: { kind: 'tampered', detail: 'it was changed after it was made, so it cannot be read' } } as const;
  const point = decompressPoint(envelope.subarray(1 + ID_BYTES, HEADER_BYTES));
  const ephemeralKey = point && (await importPoint(point));
  if (!ephemeralKey) return tampered;
  const header = envelope.slice(0, HEADER_BYTES);
  const shared = await subtle().deriveBits({ name: 'ECDH', public: ephemeralKey }, keys.privateKey, 256);
  const { key, params } = await cipherFor(shared, header, label, 'decrypt');
  try {
    return { ok: true, bytes: new Uint8Array(await subtle().decrypt(params, key, envelope.slice(HEADER_BYTES))), session: keys.descriptor };
  } catch {
    return tampered;
  }
}

/** Why a response does not belong to a session, or undefined when it does. */
export function sessionMismatch(response: Pick<SurveyResponse, 'instrumentVersion' | 'wave' | 'cohort'>, session: SessionLink): string | undefined {
  const id = session.sessionId;
  if (response.instrumentVersion !== session.instrumentVersion) return `it answers version ${response.instrumentVersion} of the survey, but session ${id} is for version ${session.instrumentVersion}`;
  if (response.wave !== session.wave) return `it is a "${response.wave}" response, but session ${id} collects "${session.wave}" responses`;
  if (response.cohort !== session.cohort) return `it is for cohort "${response.cohort}", but session ${id} is for cohort "${session.cohort}"`;
  return undefined;
}

/** Opens what sealBytes made; every failure is a typed error. */
export function openBytes(sealed: Uint8Array, lookup: SessionKeyLookup): Promise<OpenedBytesResult> {
  return open(sealed, lookup, BYTES_LABEL);
}

/** Whether text looks like a sealed code of any version (as opposed to a plain BN1 code). */
export function isSealedCode(text: string): boolean {
  return /^BNX/.test(text.replace(/[\s-]/g, '').toUpperCase());
}

/**
 * Reads a sealed code with the keys this browser holds; every failure is a typed error, never an exception
 * (except one thrown by `lookup` itself, which is passed on: a storage failure is not a problem with the code).
 */
export async function openSealedCode(input: string, lookup: SessionKeyLookup): Promise<SealedCodeResult> {
  const mistyped = (detail: string): SealedCodeResult => ({ ok: false, error: { kind: 'mistyped', detail } });
  const compact = input.replace(/[\s-]/g, '').toUpperCase();
  if (!compact.startsWith(SEALED_CODE_PREFIX)) {
    const version = /^BNX(\d+)/.exec(compact);
    if (version && Number(version[1]) > SEALED_VERSION) {
      return { ok: false, error: { kind: 'newer-codec', version: Number(version[1]), detail: 'it was made by a newer version of the kit' } };
    }
    return { ok: false, error: { kind: 'not-a-sealed-code', detail: `it does not start with ${SEALED_CODE_PREFIX}` } };
  }
  const text = compact.slice(SEALED_CODE_PREFIX.length);
  const shortest = HEADER_BYTES + TAG_BYTES + 4 + 1;
  const bytes = fromBase32(text);
  // Crockford base32 has every letter but U (I, L and O are read as 1, 1 and 0).
  if (!bytes && !/^[0-9A-TV-Z]*$/.test(text)) return mistyped('it contains a character that codes never use');
  if (!bytes || bytes.length < shortest) {
    return (text.length * 5) / 8 < shortest ? mistyped('it is too short: part of it may be missing') : mistyped('a character may be missing or added');
  }
  if (!crcMatches(bytes)) return mistyped('its check digits do not match: a character may be mistyped, missing or changed');
  const opened = await open(bytes.subarray(0, bytes.length - 4), lookup, RESPONSE_LABEL);
  if (!opened.ok) return opened;
  const decoded = decodeResponse(CODE_PREFIX + toBase32(withCrc(opened.bytes)));
  if (!decoded.ok) return { ok: false, error: { kind: 'malformed', detail: decoded.error.kind === 'malformed' ? decoded.error.detail : 'what it holds is not a response' } };
  const mismatch = sessionMismatch(decoded.response, opened.session);
  if (mismatch) return { ok: false, error: { kind: 'malformed', detail: mismatch } };
  return { ok: true, response: decoded.response, session: opened.session };
}

