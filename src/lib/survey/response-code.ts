/**
 * The plain survey response code, version 1: a participant's answers as short text a facilitator can paste
 * or scan, with no server. Documented for other tools; change it only by adding a new version.
 *
 *   BN1 <Crockford base32 of: payload ‖ CRC-32(payload), big-endian>
 *
 * Crockford base32 (https://www.crockford.com/base32.html) is case-insensitive, reads I and L as 1 and O as 0,
 * and uses only characters of a QR code's compact alphanumeric mode. Hyphens and spaces are ignored.
 * Only canonical spellings decode. CRC-32 (IEEE 802.3) catches every single mistyped character and every swap of two neighbours, since both
 * change at most 32 consecutive bits.
 *
 * Payload (bytes):
 *   0      codec version (1)
 *   1      instrument version
 *   2      wave (bits 0–1: 0 before, 1 after, 2 follow-up) | role index << 2 (bits 2–3)
 *          | has anonymous code << 4 | has evaluation << 5 | has comment << 6
 *   3      career stage index (255: not given)
 *   4–9    response id: 6 random bytes, so a code pasted twice is recognised as the same response
 *   10–11  day of the response, days since 2024-01-01 (UTC)
 *   12     cohort length n (0–16), then n bytes of [A-Z0-9-]
 *   …      if anonymous code: length m (1–12), then m bytes of [A-Za-z0-9]
 *   …      item count k, then k answers packed 3 bits each, most significant first (0: not answered)
 *   …      if evaluation: satisfaction << 4 | applicability (0: not answered), then recommend (0–10; 255 not answered)
 *   …      if comment: length c (1–120), then c bytes of UTF-8; a response file carries the whole comment
 *
 * A code is at most 300 characters in the worst case (longest cohort and anonymous code, every item, the
 * evaluation and the longest comment), so it fits a QR code a phone reads easily and a chat message. The comment
 * is what gives way as a survey grows: an encoder writes at most commentBytesFor(k) bytes, 120 for up to 40 items
 * (version 1 of the survey, 36 items: 120 bytes, about 40 Japanese characters), 115 for version 2's 52 items
 * (38 Japanese characters). A decoder accepts up to 120 whatever k is, so every code ever written still reads.
 */

export const CODE_PREFIX = 'BN1';
export const CODEC_VERSION = 1;
export const WAVES = ['before', 'after', 'follow-up'] as const;
export type Wave = (typeof WAVES)[number];
/** The longest comment any code carries, in UTF-8 bytes: what a decoder accepts. */
export const MAX_COMMENT_BYTES = 120;
/** The longest a plain code may be, in characters, in the worst case. */
export const MAX_CODE_LENGTH = 300;
/** Payload bytes other than the answers and the comment's own bytes, in the worst case, plus the CRC. */
const WORST_FIXED_BYTES = 4 + 6 + 2 + (1 + 16) + (1 + 12) + 1 + 2 + 1 + 4;

/**
 * The most comment bytes a code with `answerCount` answers carries, so that the worst case stays within
 * MAX_CODE_LENGTH characters: 120 for up to 40 answers, then about 3 bytes fewer for every 8 answers more.
 */
export function commentBytesFor(answerCount: number): number {
  const bytesAllowed = Math.floor(((MAX_CODE_LENGTH - CODE_PREFIX.length) * 5) / 8);
  return Math.max(0, Math.min(MAX_COMMENT_BYTES, bytesAllowed - WORST_FIXED_BYTES - Math.ceil((answerCount * 3) / 8)));
}
const EPOCH_DAY = Date.UTC(2024, 0, 1) / 86_400_000;

export interface SurveyResponse {
  instrumentVersion: number;
  wave: Wave;
  /** Index into the instrument's roles. */
  role: number;
  /** Index into the instrument's career stages, or null when not given. */
  stage: number | null;
  /** Twelve hexadecimal digits. */
  responseId: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  cohort: string;
  anonymousCode: string | null;
  /** One entry per item, in instrument order; null when not answered. */
  answers: (number | null)[];
  evaluation: { satisfaction: number | null; applicability: number | null; recommend: number | null } | null;
  comment: string | null;
}

export type DecodeError =
  | { kind: 'not-a-code' }
  | { kind: 'mistyped'; detail: string }
  | { kind: 'newer-codec'; version: number }
  | { kind: 'malformed'; detail: string };

export type DecodeResult = { ok: true; response: SurveyResponse } | { ok: false; error: DecodeError };

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function toBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Each character's value in Crockford base32, −1 for one that is not in it; lower case and the usual misreadings
 * (I and L for 1, O for 0) included. A table rather than a search: an import reads 20,000 codes of 40 characters.
 */
const BASE32_VALUES = (() => {
  const values = new Int8Array(128).fill(-1);
  for (let value = 0; value < ALPHABET.length; value++) {
    values[ALPHABET.charCodeAt(value)] = value;
    values[ALPHABET.toLowerCase().charCodeAt(value)] = value;
  }
  for (const [char, value] of [['I', 1], ['L', 1], ['O', 0]] as const) {
    values[char.charCodeAt(0)] = value;
    values[char.toLowerCase().charCodeAt(0)] = value;
  }
  return values;
})();

/** Undefined when a character is not Crockford base32 even after the usual corrections. */
export function fromBase32(text: string): Uint8Array | undefined {
  const bytes = new Uint8Array(Math.floor((text.length * 5) / 8));
  let length = 0;
  let buffer = 0;
  let bits = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const value = code < 128 ? BASE32_VALUES[code]! : -1;
    if (value < 0) return undefined;
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bytes[length++] = (buffer >>> (bits - 8)) & 0xff;
      bits -= 8;
      buffer &= (1 << bits) - 1;
    }
  }
  // Only the canonical spelling is accepted: the last character's spare bits must be zero, and no extra
  // character may follow. Otherwise two different codes could stand for one response, and a change to those
  // bits would go unnoticed.
  if (bits >= 5 || buffer !== 0) return undefined;
  return bytes.subarray(0, length);
}

/** A cohort (group) code: what a code can carry, and so what every format accepts. */
export const COHORT_PATTERN = /^[A-Z0-9-]{0,16}$/;
/** A participant's self-chosen anonymous code. */
export const ANONYMOUS_CODE_PATTERN = /^[A-Za-z0-9]{1,12}$/;

/** Cut text to at most `max` UTF-8 bytes without splitting a character. */
export function truncateUtf8(text: string, max: number): string {
  const encoder = new TextEncoder();
  let out = '';
  for (const char of text) {
    if (encoder.encode(out + char).length > max) break;
    out += char;
  }
  return out;
}

export function encodeResponse(response: SurveyResponse): string {
  if (!COHORT_PATTERN.test(response.cohort)) throw new RangeError('cohort: up to 16 of A–Z, 0–9 and -');
  if (response.anonymousCode !== null && !ANONYMOUS_CODE_PATTERN.test(response.anonymousCode)) throw new RangeError('anonymous code: 1–12 letters or digits');
  if (!/^[0-9a-f]{12}$/.test(response.responseId)) throw new RangeError('response id: 12 hexadecimal digits');
  if (!Number.isInteger(response.instrumentVersion) || response.instrumentVersion < 1 || response.instrumentVersion > 255) throw new RangeError('instrument version: 1–255');
  if (!Number.isInteger(response.role) || response.role < 0 || response.role > 3) throw new RangeError('role: an index from 0 to 3');
  if (response.stage !== null && (!Number.isInteger(response.stage) || response.stage < 0 || response.stage > 254)) throw new RangeError('stage: an index from 0 to 254');
  if (response.answers.length > 255 || response.answers.some((a) => a !== null && (!Number.isInteger(a) || a < 1 || a > 7))) throw new RangeError('answers: at most 255, each 1–7 or null');
  const dayNumber = Date.parse(`${response.day}T00:00:00Z`) / 86_400_000 - EPOCH_DAY;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(response.day) || !(dayNumber >= 0 && dayNumber <= 0xffff)) throw new RangeError('day: YYYY-MM-DD from 2024-01-01');
  const ratings = response.evaluation;
  if (ratings && [ratings.satisfaction, ratings.applicability].some((r) => r !== null && (!Number.isInteger(r) || r < 1 || r > 15))) throw new RangeError('satisfaction and applicability: 1–15 or null');
  if (ratings && ratings.recommend !== null && (!Number.isInteger(ratings.recommend) || ratings.recommend < 0 || ratings.recommend > 10)) throw new RangeError('recommend: 0–10 or null');
  const comment = response.comment ? new TextEncoder().encode(truncateUtf8(response.comment, commentBytesFor(response.answers.length))) : null;
  const bytes: number[] = [
    CODEC_VERSION,
    response.instrumentVersion,
    WAVES.indexOf(response.wave) | (response.role << 2) | (response.anonymousCode ? 1 << 4 : 0) | (response.evaluation ? 1 << 5 : 0) | (comment?.length ? 1 << 6 : 0),
    response.stage ?? 255,
    ...response.responseId.match(/../g)!.map((hex) => parseInt(hex, 16)),
  ];
  bytes.push((dayNumber >>> 8) & 0xff, dayNumber & 0xff);
  bytes.push(response.cohort.length, ...[...response.cohort].map((c) => c.charCodeAt(0)));
  if (response.anonymousCode) bytes.push(response.anonymousCode.length, ...[...response.anonymousCode].map((c) => c.charCodeAt(0)));
  bytes.push(response.answers.length);
  let buffer = 0;
  let bits = 0;
  for (const answer of response.answers) {
    buffer = (buffer << 3) | (answer ?? 0);
    bits += 3;
    while (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
      buffer &= (1 << bits) - 1;
    }
  }
  if (bits > 0) bytes.push((buffer << (8 - bits)) & 0xff);
  if (response.evaluation) {
    const { satisfaction, applicability, recommend } = response.evaluation;
    bytes.push(((satisfaction ?? 0) << 4) | (applicability ?? 0), recommend ?? 255);
  }
  if (comment?.length) bytes.push(comment.length, ...comment);
  const payload = Uint8Array.from(bytes);
  const crc = crc32(payload);
  const full = new Uint8Array(payload.length + 4);
  full.set(payload);
  new DataView(full.buffer).setUint32(payload.length, crc);
  return CODE_PREFIX + toBase32(full);
}

/** Reads a code; every failure is a typed error, never an exception. */
export function decodeResponse(input: string): DecodeResult {
  const compact = input.replace(/[\s-]/g, '').toUpperCase();
  if (!compact.startsWith(CODE_PREFIX)) {
    const version = /^BN(\d+)/.exec(compact);
    if (version && Number(version[1]) > CODEC_VERSION) return { ok: false, error: { kind: 'newer-codec', version: Number(version[1]) } };
    return { ok: false, error: { kind: 'not-a-code' } };
  }
  const bytes = fromBase32(compact.slice(CODE_PREFIX.length));
  if (!bytes) return { ok: false, error: { kind: 'mistyped', detail: 'it contains a character that codes never use' } };
  if (bytes.length < 18) return { ok: false, error: { kind: 'mistyped', detail: 'it is too short: part of it may be missing' } };
  const payload = bytes.subarray(0, bytes.length - 4);
  if (new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 4) !== crc32(payload)) {
    return { ok: false, error: { kind: 'mistyped', detail: 'its check digits do not match: a character may be mistyped, missing or changed' } };
  }
  try {
    return { ok: true, response: readPayload(payload) };
  } catch (error) {
    return { ok: false, error: { kind: 'malformed', detail: (error as Error).message } };
  }
}

function readPayload(payload: Uint8Array): SurveyResponse {
  let at = 0;
  const take = (count: number) => {
    if (at + count > payload.length) throw new Error('it ends too early');
    const slice = payload.subarray(at, at + count);
    at += count;
    return slice;
  };
  // One byte at a time without a view onto it: the payload is read byte by byte, 20,000 times in an import.
  const byte = () => {
    if (at >= payload.length) throw new Error('it ends too early');
    return payload[at++]!;
  };
  const version = byte();
  if (version !== CODEC_VERSION) throw new Error(`unknown codec version ${version}`);
  const instrumentVersion = byte();
  const flags = byte();
  const wave = WAVES[flags & 3];
  if (!wave) throw new Error('unknown wave');
  const stageByte = byte();
  const responseId = [...take(6)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const dayBytes = take(2);
  const day = new Date((EPOCH_DAY + ((dayBytes[0]! << 8) | dayBytes[1]!)) * 86_400_000).toISOString().slice(0, 10);
  const ascii = (length: number) => String.fromCharCode(...take(length));
  const cohort = ascii(byte());
  if (!COHORT_PATTERN.test(cohort)) throw new Error('the cohort code is not valid');
  let anonymousCode: string | null = null;
  if (flags & (1 << 4)) {
    anonymousCode = ascii(byte());
    if (!ANONYMOUS_CODE_PATTERN.test(anonymousCode)) throw new Error('the anonymous code is not valid');
  }
  const count = byte();
  const packed = take(Math.ceil((count * 3) / 8));
  const answers: (number | null)[] = [];
  for (let index = 0; index < count; index++) {
    const bit = index * 3;
    const word = (packed[bit >> 3]! << 8) | (packed[(bit >> 3) + 1] ?? 0);
    const value = (word >>> (13 - (bit & 7))) & 7;
    answers.push(value === 0 ? null : value);
  }
  let evaluation: SurveyResponse['evaluation'] = null;
  if (flags & (1 << 5)) {
    const [ratings, recommendByte] = take(2);
    const recommend = recommendByte === 255 ? null : recommendByte!;
    if (recommend !== null && recommend > 10) throw new Error('the recommendation is outside 0–10');
    evaluation = { satisfaction: ratings! >> 4 || null, applicability: ratings! & 15 || null, recommend };
  }
  let comment: string | null = null;
  if (flags & (1 << 6)) {
    const length = byte();
    if (length === 0 || length > MAX_COMMENT_BYTES) throw new Error('the comment length is not valid');
    comment = new TextDecoder('utf-8', { fatal: true }).decode(take(length));
  }
  if (at !== payload.length) throw new Error('it has unexpected data at the end');
  return { instrumentVersion, wave, role: (flags >> 2) & 3, stage: stageByte === 255 ? null : stageByte, responseId, day, cohort, anonymousCode, answers, evaluation, comment };
}
