/**
 * Protected session key backups (session-backup.ts) and keys this browser cannot give away (session-store.ts):
 * a passphrase-locked file with its work factor inside it, typed errors for a wrong passphrase, a file cut short
 * or changed, and one that is not a backup; old plain backups still restore; stored keys are not extractable.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromBase64url, toBase64url } from '../../src/lib/survey/base64url.ts';
import { openSealedCode, type SessionKeys } from '../../src/lib/survey/sealed.ts';
import { createSession } from '../../src/lib/survey/session-link.ts';
import { sealResponse } from '../../src/lib/survey/sealed-handover.ts';
import {
  exportSessionBackup,
  SESSION_BACKUP_FORMAT,
  SESSION_BACKUP_VERSION,
  needsProtection,
  openProtectedBackup,
  passphraseProblem,
  passphraseStrength,
  PBKDF2_ITERATIONS,
  protectBackup,
  protectSession,
  readBackupFile,
  restorePlainBackup,
  type ProtectedBackup,
} from '../../src/lib/survey/session-backup.ts';
import { SessionStore } from '../../src/lib/survey/session-store.ts';
import type { SurveyResponse } from '../../src/lib/survey/response-code.ts';

const PASSPHRASE = 'harbour lantern pebble orbit';
const response: SurveyResponse = {
  instrumentVersion: 1, wave: 'after', role: 0, stage: 1, responseId: '00112233aabb', day: '2026-11-23',
  cohort: 'ENG-7', anonymousCode: null, answers: Array.from({ length: 36 }, () => 4), evaluation: null, comment: null,
};

let fresh: SessionKeys;
let protectedFile: ProtectedBackup;
let text: string;

/** Opens a sealed code with one session's keys, or fails. */
async function opens(keys: SessionKeys) {
  const { cohort, wave } = keys.descriptor;
  const code = await sealResponse({ ...response, cohort, wave }, keys.descriptor);
  const opened = await openSealedCode(code, (id) => (id === keys.descriptor.sessionId ? keys : undefined));
  return opened.ok && { ...opened.response, cohort: 'ENG-7', wave: 'after' };
}

beforeAll(async () => {
  fresh = await createSession({ cohort: 'ENG-7', wave: 'after', instrumentVersion: 1 });
  const record = await protectSession(fresh, PASSPHRASE);
  protectedFile = record.backup;
  text = JSON.stringify(protectedFile, null, 2);
});

describe('protected backup format', () => {
  it('keeps the documented format name and plain version', () => {
    expect([SESSION_BACKUP_FORMAT, SESSION_BACKUP_VERSION]).toEqual(['banso-session-key', 1]);
  });

  it('is versioned, keeps its KDF parameters and holds no key in the clear', async () => {
    const file = JSON.parse(text);
    expect(file).toMatchObject({
      format: 'banso-session-key',
      version: 2,
      session: fresh.descriptor,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 },
      cipher: { name: 'AES-GCM' },
    });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(fromBase64url(file.kdf.salt)).toHaveLength(16);
    expect(fromBase64url(file.cipher.iv)).toHaveLength(12);
    const { d } = await exportSessionBackup(fresh.descriptor, fresh.privateKey).then((plain) => plain.privateKey);
    expect(text).not.toContain(d);
    expect(text).not.toContain('"privateKey"');
  });

  it('draws a new salt and IV every time', async () => {
    const again = await protectBackup(await exportSessionBackup(fresh.descriptor, fresh.privateKey), PASSPHRASE);
    expect(again.kdf.salt).not.toBe(protectedFile.kdf.salt);
    expect(again.cipher.iv).not.toBe(protectedFile.cipher.iv);
    expect(again.ciphertext).not.toBe(protectedFile.ciphertext);
  });

  it('round-trips: the right passphrase restores a key that opens responses sealed to the session', async () => {
    const read = readBackupFile(text);
    if (!read.ok || !read.file.protected) throw new Error('not read as a protected backup');
    const restored = await openProtectedBackup(read.file.backup, PASSPHRASE);
    if (!restored.ok) throw new Error(restored.error.detail);
    expect(restored.keys.descriptor).toEqual(fresh.descriptor);
    expect(restored.backup).toEqual(protectedFile);
    await expect(opens(restored.keys)).resolves.toEqual(response);
  });

  it('says a wrong passphrase is wrong (GCM authentication fails)', async () => {
    await expect(openProtectedBackup(protectedFile, 'harbour lantern pebble orbiT')).resolves.toMatchObject({ ok: false, error: { kind: 'wrong-passphrase' } });
    await expect(openProtectedBackup(protectedFile, '')).resolves.toMatchObject({ ok: false, error: { kind: 'wrong-passphrase' } });
  });

  it('refuses a changed ciphertext, and a changed session shown in the clear', async () => {
    const bytes = fromBase64url(protectedFile.ciphertext)!;
    bytes[5]! ^= 1;
    await expect(openProtectedBackup({ ...protectedFile, ciphertext: toBase64url(bytes) }, PASSPHRASE)).resolves.toMatchObject({ ok: false, error: { kind: 'wrong-passphrase' } });
    const other = await createSession({ cohort: 'ENG-8', wave: 'after', instrumentVersion: 1 });
    await expect(openProtectedBackup({ ...protectedFile, session: { ...protectedFile.session, cohort: 'ENG-8' } }, PASSPHRASE)).resolves.toMatchObject({ ok: false });
    await expect(openProtectedBackup({ ...protectedFile, session: other.descriptor }, PASSPHRASE)).resolves.toMatchObject({ ok: false });
  });

  it('reads the work factor from the file, so it can be raised later', async () => {
    const stronger = await protectBackup(await exportSessionBackup(fresh.descriptor, fresh.privateKey), PASSPHRASE, 650_000);
    const read = readBackupFile(JSON.stringify(stronger));
    expect(read.ok && read.file.protected && read.file.backup.kdf.iterations).toBe(650_000);
    const restored = await openProtectedBackup(stronger, PASSPHRASE);
    expect(restored.ok).toBe(true);
    // Told the default instead, the same passphrase derives another key.
    await expect(openProtectedBackup({ ...stronger, kdf: { ...stronger.kdf, iterations: PBKDF2_ITERATIONS } }, PASSPHRASE)).resolves.toMatchObject({ ok: false, error: { kind: 'wrong-passphrase' } });
  });

  it('calls a file cut short at any length incomplete or damaged, never another kind of file', () => {
    const lengths = [0, 1, 2, 10, 30, 100, 200, Math.floor(text.length / 2), text.length - 40, text.length - 2, text.length - 1];
    for (const length of lengths) {
      const read = readBackupFile(text.slice(0, length));
      expect(read, `cut at ${length}`).toMatchObject({ ok: false, error: { kind: 'damaged' } });
    }
  });

  it('calls missing fields and wrong lengths damaged', () => {
    const file = JSON.parse(text);
    const variants = [
      { ...file, kdf: undefined },
      { ...file, kdf: { ...file.kdf, salt: file.kdf.salt.slice(0, 10) } },
      { ...file, kdf: { ...file.kdf, iterations: 1000 } },
      { ...file, kdf: { ...file.kdf, iterations: '600000' } },
      { ...file, kdf: { ...file.kdf, hash: 'SHA-1' } },
      { ...file, cipher: { ...file.cipher, iv: toBase64url(new Uint8Array(16)) } },
      { ...file, ciphertext: file.ciphertext.slice(0, 40) },
      { ...file, ciphertext: undefined },
      { ...file, session: { ...file.session, publicKey: 'AAAA' } },
      { ...file, version: 0 },
    ];
    for (const variant of variants) expect(readBackupFile(JSON.stringify(variant)), JSON.stringify(variant).slice(0, 200)).toMatchObject({ ok: false, error: { kind: 'damaged' } });
  });

  it('tells a file that is not a backup, and one from a newer kit, from a damaged one', () => {
    expect(readBackupFile('PK\u0003\u0004 a zip file')).toMatchObject({ ok: false, error: { kind: 'not-a-backup' } });
    expect(readBackupFile('code,wave\nBN1ABC,after')).toMatchObject({ ok: false, error: { kind: 'not-a-backup' } });
    expect(readBackupFile(JSON.stringify({ format: 'banso-workbook', version: 1 }))).toMatchObject({ ok: false, error: { kind: 'not-a-backup' } });
    expect(readBackupFile('[1, 2]')).toMatchObject({ ok: false, error: { kind: 'not-a-backup' } });
    expect(readBackupFile(JSON.stringify({ ...JSON.parse(text), version: 3 }))).toMatchObject({ ok: false, error: { kind: 'newer-version' } });
  });
});

describe('old plain backups (version 1)', () => {
  it('still restore, with a new protected backup made under the passphrase chosen then', async () => {
    const plain = JSON.parse(JSON.stringify(await exportSessionBackup(fresh.descriptor, fresh.privateKey)));
    const read = readBackupFile(JSON.stringify(plain));
    expect(read).toMatchObject({ ok: true, file: { protected: false } });
    if (!read.ok) return;
    const restored = await restorePlainBackup(read.file.backup, PASSPHRASE);
    if (!restored.ok) throw new Error(restored.error.detail);
    expect(restored.keys.privateKey.extractable).toBe(false);
    await expect(opens(restored.keys)).resolves.toEqual(response);
    const reopened = await openProtectedBackup(restored.backup, PASSPHRASE);
    expect(reopened.ok && reopened.keys.descriptor).toEqual(fresh.descriptor);
  });

  it('refuse a plain backup with a key of another session', async () => {
    const other = await createSession({ cohort: 'X', wave: 'before', instrumentVersion: 1 });
    const mine = await exportSessionBackup(fresh.descriptor, fresh.privateKey);
    const theirs = await exportSessionBackup(other.descriptor, other.privateKey);
    await expect(restorePlainBackup({ ...mine, privateKey: theirs.privateKey }, PASSPHRASE)).resolves.toMatchObject({ ok: false, error: { kind: 'key-mismatch' } });
    await expect(restorePlainBackup({ ...mine, privateKey: { kty: 'EC' } }, PASSPHRASE)).resolves.toMatchObject({ ok: false, error: { kind: 'damaged' } });
  });
});

describe('stored keys', () => {
  beforeEach(() => {
    vi.stubGlobal('indexedDB', new IDBFactory());
  });

  it('are not extractable, from a new session and from a restored backup, and still open responses', async () => {
    const store = await SessionStore.open();
    await store.put(await protectSession(await createSession({ cohort: 'NEW', wave: 'before', instrumentVersion: 1 }), PASSPHRASE));
    const restored = await openProtectedBackup(protectedFile, PASSPHRASE);
    if (!restored.ok) throw new Error(restored.error.detail);
    await store.put(restored.record);
    const again = await SessionStore.open();
    const stored = await again.list();
    expect(stored).toHaveLength(2);
    for (const session of stored) {
      expect(session.privateKey.extractable).toBe(false);
      await expect(crypto.subtle.exportKey('jwk', session.privateKey)).rejects.toThrow();
      await expect(crypto.subtle.exportKey('pkcs8', session.privateKey)).rejects.toThrow();
      expect(needsProtection(session)).toBe(false);
      // The backup kept beside the key is the protected file, which still opens with the passphrase.
      await expect(openProtectedBackup(session.backup!, PASSPHRASE).then((result) => result.ok)).resolves.toBe(true);
    }
    const mine = (await again.get(fresh.descriptor.sessionId))!;
    await expect(opens(mine)).resolves.toEqual(response);
  });

  it('takes only sessions locked by protectSession or a restore (checked by the type checker)', async () => {
    const store = await SessionStore.open();
    const created = await createSession({ cohort: 'RAW', wave: 'before', instrumentVersion: 1 });
    // @ts-expect-error an extractable key straight from createSession is not a LockedSession
    const refused = () => store.put({ ...created, backup: protectedFile });
    expect(refused).toBeTypeOf('function');
    await expect(store.list()).resolves.toEqual([]);
  });

  it('migrate a key stored readable by an older kit: protected backup first, then only a copy that cannot be read out', async () => {
    // What the older kit stored: the descriptor and an extractable key, no backup.
    const legacy = await createSession({ cohort: 'OLD', wave: 'before', instrumentVersion: 1 });
    const old = { descriptor: legacy.descriptor, privateKey: legacy.privateKey };
    expect(needsProtection(old)).toBe(true);
    const record = await protectSession(old, PASSPHRASE);
    expect(record.privateKey.extractable).toBe(false);
    expect(needsProtection(record)).toBe(false);
    const reopened = await openProtectedBackup(record.backup, PASSPHRASE);
    if (!reopened.ok) throw new Error(reopened.error.detail);
    await expect(opens(reopened.keys)).resolves.toEqual(response);
  });
});

describe('passphrases', () => {
  it('need at least 12 characters, typed the same twice', () => {
    expect(passphraseProblem('short one', 'short one')).toBe('short');
    expect(passphraseProblem('harbour lantern', 'harbour lanterns')).toBe('mismatch');
    expect(passphraseProblem(PASSPHRASE, PASSPHRASE)).toBeNull();
    // Japanese counts by character, and the same text typed in another normalisation form matches.
    expect(passphraseProblem('みなとのあかりとこいし', 'みなとのあかりとこいし')).toBe('short');
    expect(passphraseProblem('みなとのあかりとまるいこいし', 'みなとのあかりとまるいこいし')).toBeNull();
    expect(passphraseProblem('がっこうのまどとまるいこいし', 'か\u3099っこうのまどとまるいこいし')).toBeNull();
  });

  it('get a strength hint that grows with length and variety', () => {
    expect(passphraseStrength('abc')).toBe('short');
    expect(passphraseStrength('aaaaaaaaaaaaaaaa')).toBe('weak');
    expect(passphraseStrength('abcdefghijkl')).toBe('weak');
    expect(passphraseStrength('harbour lantern pebble orbit')).toBe('strong');
    expect(passphraseStrength('みなとのあかりとまるいこいし')).toBe('strong');
  });
});
