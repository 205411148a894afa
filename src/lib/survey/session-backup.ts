/**
 * Session key backups: the plain backup (version 1, below) and the protected one, the plain backup encrypted with a passphrase, so a copy
 * left in a downloads folder or a shared drive gives nobody the key. Documented in the guide "Survey response
 * formats"; change the layout only by adding a version.
 *
 * Session key backup, version 2 (JSON):
 *   format      "banso-session-key"
 *   version     2
 *   session     the session's descriptor, in the clear (it holds nothing the session link does not)
 *   kdf         { name: "PBKDF2", hash: "SHA-256", iterations, salt: base64url of 16 random bytes }
 *   cipher      { name: "AES-GCM", iv: base64url of 12 random bytes }
 *   ciphertext  base64url of AES-256-GCM (key from the kdf over the passphrase's UTF-8 in NFC) of the JSON of
 *               { "privateKey": JWK }, then its 16-byte tag; additional data: the UTF-8 of the JSON of
 *               [format, version, session], so the session shown before the passphrase is the one inside.
 * The work factor lives in the file, so it can be raised for new backups and old files still open.
 *
 * Keys this kit stores are not extractable: the protected backup is made once, from the freshly made (or
 * restored) key, and kept next to the key as it is (ciphertext), so "Download backup" returns it later.
 */
import { fromBase64url, toBase64url } from './base64url.ts';
import { COHORT_PATTERN, WAVES, type Wave } from './response-code.ts';
import { concat, EC, isP256Point, openBytes, SESSION_ID, subtle, type SessionDescriptor, type SessionKeys } from './sealed.ts';
import { sealBytes } from './sealed-handover.ts';

export const SESSION_BACKUP_FORMAT = 'banso-session-key';
export const SESSION_BACKUP_VERSION = 1;

export interface SessionBackup {
  format: typeof SESSION_BACKUP_FORMAT;
  version: typeof SESSION_BACKUP_VERSION;
  session: SessionDescriptor;
  privateKey: JsonWebKey;
}
export type SessionBackupError = { kind: 'not-a-backup' | 'newer-version' | 'invalid' | 'key-mismatch'; detail: string };
export type SessionBackupResult = { ok: true; keys: SessionKeys } | { ok: false; error: SessionBackupError };


/**
 * The plain session key backup (version 1): what a protected backup encrypts. Whoever holds
 * it can read every response sealed to the session; since version 2 it is never offered as a file.
 */
export async function exportSessionBackup(descriptor: SessionDescriptor, privateKey: CryptoKey): Promise<SessionBackup> {
  const { kty, crv, x, y, d } = await subtle().exportKey('jwk', privateKey);
  return { format: SESSION_BACKUP_FORMAT, version: SESSION_BACKUP_VERSION, session: documentedFields(descriptor), privateKey: { kty, crv, x, y, d } };
}

/** Only the documented fields, whatever else a caller's stored record carries. */
function documentedFields(session: SessionDescriptor): SessionDescriptor {
  const { sessionId, cohort, wave, instrumentVersion, publicKey, createdAt } = session;
  return { sessionId, cohort, wave, instrumentVersion, publicKey, createdAt };
}

/** What is wrong with a stored or backed-up session descriptor, or undefined when nothing is. */
export function descriptorProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'session should be an object describing the session';
  const s = value as Record<string, unknown>;
  if (typeof s.sessionId !== 'string' || !SESSION_ID.test(s.sessionId)) return 'session.sessionId should be 12 hexadecimal digits';
  if (typeof s.cohort !== 'string' || !COHORT_PATTERN.test(s.cohort)) return 'session.cohort should be up to 16 of A–Z, 0–9 and -';
  if (!WAVES.includes(s.wave as Wave)) return `session.wave should be one of ${WAVES.join(', ')}`;
  if (!Number.isInteger(s.instrumentVersion) || (s.instrumentVersion as number) < 1 || (s.instrumentVersion as number) > 255) return 'session.instrumentVersion should be a whole number from 1 to 255';
  const point = typeof s.publicKey === 'string' ? fromBase64url(s.publicKey) : undefined;
  if (!point || !isP256Point(point)) return 'session.publicKey should be base64url of an uncompressed P-256 point';
  if (typeof s.createdAt !== 'string' || Number.isNaN(Date.parse(s.createdAt))) return 'session.createdAt should be a date and time such as 2026-11-23T09:30:00.000Z';
  return undefined;
}

/**
 * Reads a plain session key backup (already parsed from JSON; a protected one is first opened by
 * session-backup.ts); every failure is a typed error. The key comes back not extractable.
 */
export async function importSessionBackup(json: unknown): Promise<SessionBackupResult> {
  const fail = (kind: SessionBackupError['kind'], detail: string): SessionBackupResult => ({ ok: false, error: { kind, detail } });
  const file = json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  if (file.format !== SESSION_BACKUP_FORMAT) return fail('not-a-backup', 'it is not a session key backup');
  if (typeof file.version === 'number' && file.version > SESSION_BACKUP_VERSION) return fail('newer-version', `it was written by a newer version of the kit (backup version ${file.version})`);
  if (file.version !== SESSION_BACKUP_VERSION) return fail('invalid', `version should be ${SESSION_BACKUP_VERSION}`);
  const problem = descriptorProblem(file.session);
  if (problem) return fail('invalid', problem);
  const session = file.session as SessionDescriptor;
  const jwk = (file.privateKey ?? {}) as Record<string, unknown>;
  const coordinate = (name: string) => (typeof jwk[name] === 'string' ? fromBase64url(jwk[name]) : undefined);
  const [x, y, d] = [coordinate('x'), coordinate('y'), coordinate('d')];
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || x?.length !== 32 || y?.length !== 32 || d?.length !== 32) {
    return fail('invalid', 'privateKey should be a P-256 private key (JWK)');
  }
  const mismatch = fail('key-mismatch', `its private key does not belong to session ${session.sessionId}'s public key`);
  if (toBase64url(concat([4], x, y)) !== session.publicKey) return mismatch;
  let privateKey: CryptoKey;
  try {
    // Not extractable: once stored, no script on this origin can read the key back out.
    privateKey = await subtle().importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string, d: jwk.d as string }, EC, false, ['deriveBits']);
  } catch {
    return mismatch;
  }
  const descriptor = documentedFields(session);
  // x and y could match while d does not, and not every browser checks that on import: prove the pair works.
  const keys = { descriptor, privateKey };
  const probe = await openBytes(await sealBytes(Uint8Array.of(1), descriptor), () => keys);
  return probe.ok ? { ok: true, keys } : mismatch;
}

export const PROTECTED_BACKUP_VERSION = 2;
/** OWASP Password Storage Cheat Sheet (2023 and later): at least 600,000 for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;
/** What a file may ask for: below is weaker than this kit ever wrote; above would hang the page. */
const ITERATION_RANGE = [PBKDF2_ITERATIONS, 10_000_000] as const;
export const MIN_PASSPHRASE_LENGTH = 12;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface ProtectedBackup {
  format: typeof SESSION_BACKUP_FORMAT;
  version: typeof PROTECTED_BACKUP_VERSION;
  session: SessionDescriptor;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  ciphertext: string;
}

/** A backup file as read, before any passphrase: protected (version 2) or plain (version 1, from older kits). */
export type BackupFile = { protected: true; backup: ProtectedBackup } | { protected: false; backup: unknown };

export type BackupFileError = { kind: 'damaged' | 'not-a-backup' | 'newer-version'; detail: string };
export type BackupFileResult = { ok: true; file: BackupFile } | { ok: false; error: BackupFileError };

export type RestoreError = { kind: 'wrong-passphrase' | 'damaged' | 'not-a-backup' | 'newer-version' | 'key-mismatch'; detail: string };
export type RestoreResult = { ok: true; keys: SessionKeys; backup: ProtectedBackup; record: LockedSession } | { ok: false; error: RestoreError };

/** A session as this browser stores it: a key that cannot be read out, and the protected backup made with it. */
export interface StoredSession extends SessionKeys {
  /** Missing only for sessions stored by kits before protected backups: see needsProtection. */
  backup?: ProtectedBackup;
}

declare const locked: unique symbol;
/**
 * A session fit to store (SessionStore.put): only the functions below make one, from a key imported not
 * extractable, so code elsewhere cannot store a key that could be read out by mistake.
 */
export type LockedSession = Required<StoredSession> & { readonly [locked]: true };
const lock = (keys: SessionKeys, backup: ProtectedBackup) => ({ ...keys, backup }) as LockedSession;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const encode = (text: string) => new TextEncoder().encode(text);
const additionalData = (session: SessionDescriptor) => encode(JSON.stringify([SESSION_BACKUP_FORMAT, PROTECTED_BACKUP_VERSION, session]));

async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number, usage: 'encrypt' | 'decrypt') {
  const material = await subtle().importKey('raw', encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

/** Encrypts a plain backup with a passphrase. `iterations` is for raising the work factor later, not lowering it. */
export async function protectBackup(plain: SessionBackup, passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<ProtectedBackup> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await passphraseKey(passphrase, salt, iterations, 'encrypt');
  const ciphertext = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(plain.session), tagLength: 128 }, key, encode(JSON.stringify({ privateKey: plain.privateKey })));
  return {
    format: SESSION_BACKUP_FORMAT,
    version: PROTECTED_BACKUP_VERSION,
    session: plain.session,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64url(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64url(iv) },
    ciphertext: toBase64url(new Uint8Array(ciphertext)),
  };
}

/**
 * Reads a backup file's text without the passphrase; never throws. A file cut short or changed is "damaged" (get
 * the backup again), one that is not a key backup at all is "not-a-backup".
 */
export function readBackupFile(text: string): BackupFileResult {
  const fail = (kind: BackupFileError['kind'], detail: string): BackupFileResult => ({ ok: false, error: { kind, detail } });
  const trimmed = text.trim();
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    // A backup cut short is still the start of a JSON object; anything else is some other file.
    return trimmed === '' || trimmed.startsWith('{') ? fail('damaged', 'it ends before the backup does') : fail('not-a-backup', 'it is not JSON');
  }
  if (!isRecord(json) || json.format !== SESSION_BACKUP_FORMAT) return fail('not-a-backup', `it has no "format": "${SESSION_BACKUP_FORMAT}"`);
  if (typeof json.version === 'number' && json.version > PROTECTED_BACKUP_VERSION) return fail('newer-version', `it was written by a newer version of the kit (backup version ${json.version})`);
  if (json.version === SESSION_BACKUP_VERSION) return { ok: true, file: { protected: false, backup: json } };
  if (json.version !== PROTECTED_BACKUP_VERSION) return fail('damaged', `version should be ${PROTECTED_BACKUP_VERSION}`);
  const problem = descriptorProblem(json.session);
  if (problem) return fail('damaged', problem);
  const { kdf, cipher } = json;
  if (!isRecord(kdf) || kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256') return fail('damaged', 'kdf should be { "name": "PBKDF2", "hash": "SHA-256", … }');
  if (!Number.isInteger(kdf.iterations) || (kdf.iterations as number) < ITERATION_RANGE[0] || (kdf.iterations as number) > ITERATION_RANGE[1]) {
    return fail('damaged', `kdf.iterations should be a whole number from ${ITERATION_RANGE[0]} to ${ITERATION_RANGE[1]}`);
  }
  const bytes = (value: unknown) => (typeof value === 'string' ? fromBase64url(value) : undefined);
  if (bytes(kdf.salt)?.length !== SALT_BYTES) return fail('damaged', `kdf.salt should be ${SALT_BYTES} bytes in base64url`);
  if (!isRecord(cipher) || cipher.name !== 'AES-GCM' || bytes(cipher.iv)?.length !== IV_BYTES) return fail('damaged', `cipher should be { "name": "AES-GCM", "iv": ${IV_BYTES} bytes in base64url }`);
  // The smallest JWK this kit writes is well over 100 bytes.
  if ((bytes(json.ciphertext)?.length ?? 0) < 100 + TAG_BYTES) return fail('damaged', 'ciphertext is missing or too short');
  return { ok: true, file: { protected: true, backup: json as unknown as ProtectedBackup } };
}

/**
 * Opens a protected backup with its passphrase: the session's keys (not extractable) and the file to keep for
 * later downloads. A wrong passphrase and a changed ciphertext look the same to AES-GCM: both are "wrong-passphrase".
 */
export async function openProtectedBackup(backup: ProtectedBackup, passphrase: string): Promise<RestoreResult> {
  const { kdf, cipher, session } = backup;
  const key = await passphraseKey(passphrase, fromBase64url(kdf.salt)!, kdf.iterations, 'decrypt');
  let plain: unknown;
  try {
    const bytes = await subtle().decrypt({ name: 'AES-GCM', iv: fromBase64url(cipher.iv)!, additionalData: additionalData(session), tagLength: 128 }, key, fromBase64url(backup.ciphertext)!);
    plain = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false, error: { kind: 'damaged', detail: 'what it holds is not a key' } };
    return { ok: false, error: { kind: 'wrong-passphrase', detail: 'the passphrase does not open it, or the file was changed' } };
  }
  const restored = await importSessionBackup({ format: SESSION_BACKUP_FORMAT, version: SESSION_BACKUP_VERSION, session, privateKey: isRecord(plain) ? plain.privateKey : undefined });
  if (!restored.ok) return { ok: false, error: { kind: restored.error.kind === 'key-mismatch' ? 'key-mismatch' : 'damaged', detail: restored.error.detail } };
  return { ok: true, keys: restored.keys, backup, record: lock(restored.keys, backup) };
}

/**
 * Restores a plain (version 1) backup from an older kit: the key is stored not extractable, so a new protected
 * backup is made at once with a passphrase the person chooses; offer it for download in place of the old file.
 */
export async function restorePlainBackup(plain: unknown, passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<RestoreResult> {
  const restored = await importSessionBackup(plain);
  if (!restored.ok) {
    const kind = restored.error.kind === 'invalid' ? 'damaged' : restored.error.kind;
    return { ok: false, error: { kind, detail: restored.error.detail } };
  }
  const { kty, crv, x, y, d } = (plain as SessionBackup).privateKey;
  const backup = await protectBackup({ format: SESSION_BACKUP_FORMAT, version: SESSION_BACKUP_VERSION, session: restored.keys.descriptor, privateKey: { kty, crv, x, y, d } }, passphrase, iterations);
  return { ok: true, keys: restored.keys, backup, record: lock(restored.keys, backup) };
}

/**
 * Makes a session's protected backup from a key that can still be read (one just made, or one stored by an older
 * kit), and the record to store in its place: the same key, no longer extractable, with the backup beside it.
 */
export async function protectSession(keys: SessionKeys, passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<LockedSession> {
  const plain = await exportSessionBackup(keys.descriptor, keys.privateKey);
  const backup = await protectBackup(plain, passphrase, iterations);
  const restored = await importSessionBackup(plain);
  if (!restored.ok) throw new Error(`the new key did not restore: ${restored.error.detail}`);
  return lock(restored.keys, backup);
}

/** Whether a stored session predates protected backups: its key can still be read out and it has no backup. */
export function needsProtection(stored: StoredSession): boolean {
  return !stored.backup || stored.privateKey.extractable;
}

export type PassphraseStrength = 'short' | 'weak' | 'fair' | 'strong';

/**
 * A rough guide to a passphrase's strength, for the hint beside the field (not a promise): its length, the kinds
 * of character it uses and how many of them repeat. Japanese text counts as a large alphabet.
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  const characters = [...passphrase.normalize('NFC')];
  if (characters.length < MIN_PASSPHRASE_LENGTH) return 'short';
  const pools: [RegExp, number][] = [[/[a-z]/, 26], [/[A-Z]/, 26], [/[0-9]/, 10], [/[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/, 33], [/[^\x00-\x7f]/, 2000]];
  const pool = pools.reduce((sum, [pattern, size]) => sum + (characters.some((c) => pattern.test(c)) ? size : 0), 0);
  const distinct = new Set(characters).size;
  const bits = Math.min(characters.length, distinct * 2) * Math.log2(Math.max(pool, 2));
  return bits < 60 ? 'weak' : bits < 80 ? 'fair' : 'strong';
}

/** Why a new passphrase and its confirmation cannot be used, or null when they can. */
export function passphraseProblem(passphrase: string, again: string): 'short' | 'mismatch' | null {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) return 'short';
  return passphrase.normalize('NFC') === again.normalize('NFC') ? null : 'mismatch';
}
