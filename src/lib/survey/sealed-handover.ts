/**
 * The participant's side of a session: sealing their response code to the session's key, and keeping the sealed
 * hand-over beside their result. Apart from sealed.ts so the dashboard, which only opens codes, ships none of it.
 */
import { CODE_PREFIX, encodeResponse, fromBase32, toBase32, type SurveyResponse } from './response-code.ts';
import { isSealedCode, RESPONSE_LABEL, seal, SEALED_CODE_PREFIX, sessionMismatch, withCrc, type SessionLink } from './sealed.ts';

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
