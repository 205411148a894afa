import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromBase64url, toBase64url } from '../../src/lib/survey/base64url.ts';
import { crc32, encodeResponse, fromBase32, toBase32, type SurveyResponse } from '../../src/lib/survey/response-code.ts';
import { compressPoint, decompressPoint, isP256Point, isSealedCode, openBytes, openSealedCode, type SessionKeys, type SessionLink } from '../../src/lib/survey/sealed.ts';
import { sealBytes } from '../../src/lib/survey/sealed-handover.ts';
import { createSession, decodeSessionFragment, encodeSessionFragment } from '../../src/lib/survey/session-link.ts';
import { sealResponse } from '../../src/lib/survey/sealed-handover.ts';
import { exportSessionBackup, importSessionBackup } from '../../src/lib/survey/session-backup.ts';

const EC = { name: 'ECDH', namedCurve: 'P-256' } as const;

const full: SurveyResponse = {
  instrumentVersion: 1,
  wave: 'after',
  role: 1,
  stage: 2,
  responseId: '0a1b2c3d4e5f',
  day: '2026-11-23',
  cohort: 'MGR-2026-11',
  anonymousCode: 'sakura42',
  answers: Array.from({ length: 36 }, (_, i) => (i % 7 === 6 ? null : (i % 5) + 1)),
  evaluation: { satisfaction: 5, applicability: 4, recommend: 9 },
  comment: 'アサインの練習がすぐに使えそうです。',
};

let session: SessionKeys;
let other: SessionKeys;
const held = (...sessions: SessionKeys[]) => (id: string) => sessions.find((s) => s.descriptor.sessionId === id);
let code: string;

beforeAll(async () => {
  session = await createSession({ cohort: 'MGR-2026-11', wave: 'after', instrumentVersion: 1 });
  other = await createSession({ cohort: 'MGR-2026-11', wave: 'after', instrumentVersion: 1 });
  code = await sealResponse(full, session.descriptor);
});

function withCrc(bytes: Uint8Array): Uint8Array {
  const crc = crc32(bytes);
  return Uint8Array.of(...bytes, crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255);
}

/** The plain code's payload: its bytes without the BN1 prefix and the CRC. */
const payloadOf = (response: SurveyResponse) => fromBase32(encodeResponse(response).slice(3))!.slice(0, -4);

/**
 * Seals the way the format guide describes, written independently of sealed.ts with WebCrypto alone, so that a
 * tool built from the guide is known to produce codes the kit opens.
 */
async function sealAsGuideSays(payload: Uint8Array<ArrayBuffer>, link: SessionLink, label = 'banso sealed response v1'): Promise<string> {
  const { subtle } = globalThis.crypto;
  const sessionKey = await subtle.importKey('raw', fromBase64url(link.publicKey)!, EC, false, []);
  const ephemeral = (await subtle.generateKey(EC, true, ['deriveBits'])) as CryptoKeyPair;
  const point = new Uint8Array(await subtle.exportKey('raw', ephemeral.publicKey));
  const compressed = Uint8Array.of(point[64]! & 1 ? 3 : 2, ...point.subarray(1, 33));
  const id = Uint8Array.from(link.sessionId.match(/../g)!, (pair) => parseInt(pair, 16));
  const secret = await subtle.importKey('raw', await subtle.deriveBits({ name: 'ECDH', public: sessionKey }, ephemeral.privateKey, 256), 'HKDF', false, ['deriveBits']);
  const info = Uint8Array.of(...new TextEncoder().encode(label), ...compressed);
  const material = new Uint8Array(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: id, info }, secret, 352));
  const key = await subtle.importKey('raw', material.slice(0, 32), 'AES-GCM', false, ['encrypt']);
  const ciphertext = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv: material.slice(32), additionalData: Uint8Array.of(1, ...id) }, key, payload));
  return `BNX1${toBase32(withCrc(Uint8Array.of(1, ...id, ...compressed, ...ciphertext)))}`;
}

describe('sessions', () => {
  it('creates a session with a random id and an uncompressed P-256 public key', async () => {
    const { descriptor, privateKey } = session;
    expect(descriptor).toMatchObject({ cohort: 'MGR-2026-11', wave: 'after', instrumentVersion: 1 });
    expect(descriptor.sessionId).toMatch(/^[0-9a-f]{12}$/);
    expect(descriptor.sessionId).not.toBe(other.descriptor.sessionId);
    expect(isP256Point(fromBase64url(descriptor.publicKey)!)).toBe(true);
    expect(Date.parse(descriptor.createdAt)).not.toBeNaN();
    expect(privateKey).toMatchObject({ type: 'private', extractable: true, usages: ['deriveBits'] });
  });

  it('refuses session details a code could not carry', async () => {
    await expect(createSession({ cohort: 'lower', wave: 'after', instrumentVersion: 1 })).rejects.toThrow(RangeError);
    await expect(createSession({ cohort: 'A', wave: 'later' as never, instrumentVersion: 1 })).rejects.toThrow(RangeError);
    await expect(createSession({ cohort: 'A', wave: 'after', instrumentVersion: 0 })).rejects.toThrow(RangeError);
  });
});

describe('P-256 point compression', () => {
  it('decompresses what it compresses, for both parities of y, agreeing with WebCrypto', async () => {
    const parities = new Set<number>();
    for (let run = 0; run < 24; run++) {
      const pair = (await crypto.subtle.generateKey(EC, true, ['deriveBits'])) as CryptoKeyPair;
      const point = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
      const compressed = compressPoint(point);
      parities.add(compressed[0]!);
      expect(decompressPoint(compressed)).toEqual(point);
    }
    expect(parities).toEqual(new Set([2, 3]));
  });

  it('refuses bytes that are not a compressed point on the curve', () => {
    const point = fromBase64url(session.descriptor.publicKey)!;
    const compressed = compressPoint(point);
    expect(decompressPoint(Uint8Array.of(4, ...compressed.subarray(1)))).toBeUndefined();
    expect(decompressPoint(compressed.subarray(0, 32))).toBeUndefined();
    expect(decompressPoint(Uint8Array.of(2, ...new Array(32).fill(0xff)))).toBeUndefined(); // x ≥ p
    // About half of all x have no point; x = 5 is one of them (5³ − 15 + b is not a square mod p).
    const xs = Array.from({ length: 8 }, (_, x) => decompressPoint(Uint8Array.of(2, ...new Array(31).fill(0), x)));
    expect(xs.some((p) => p === undefined)).toBe(true);
    expect(xs.filter(Boolean).every((p) => isP256Point(p!))).toBe(true);
    expect(isP256Point(Uint8Array.of(...point.subarray(0, 64), point[64]! ^ 1))).toBe(false);
  });
});

describe('session link fragment', () => {
  it('round-trips a session, with or without "#", from the whole link and across line breaks', async () => {
    const fragment = encodeSessionFragment(session.descriptor);
    const { createdAt: _, ...link } = session.descriptor;
    expect(fragment).toMatch(/^session=[A-Za-z0-9_-]+$/);
    expect(await decodeSessionFragment(fragment)).toEqual({ ok: true, session: link });
    expect(await decodeSessionFragment(`#${fragment}`)).toEqual({ ok: true, session: link });
    expect(await decodeSessionFragment(`https://example.org/kit/ja/survey/#lang=ja&${fragment}`)).toEqual({ ok: true, session: link });
    const wrapped = `#${fragment.slice(0, 60)}\n  ${fragment.slice(60)}`;
    expect(await decodeSessionFragment(wrapped)).toEqual({ ok: true, session: link });
  });

  it('keeps the longest link within 140 characters of fragment', async () => {
    const longest = await createSession({ cohort: 'X'.repeat(16), wave: 'follow-up', instrumentVersion: 255 });
    expect(encodeSessionFragment(longest.descriptor).length).toBe(135);
    expect(encodeSessionFragment({ ...longest.descriptor, cohort: '' }).length).toBeLessThanOrEqual(140);
  });

  it('says a link was cut short, at every length', async () => {
    const fragment = encodeSessionFragment(session.descriptor);
    for (let length = 'session='.length; length < fragment.length; length++) {
      const result = await decodeSessionFragment(fragment.slice(0, length));
      expect(result, `cut to ${length}`).toMatchObject({ ok: false, error: { kind: 'damaged' } });
    }
  });

  it('says a link was changed, for every mistyped character', async () => {
    const fragment = encodeSessionFragment(session.descriptor);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let position = 'session='.length; position < fragment.length; position++) {
      const replacement = alphabet[(alphabet.indexOf(fragment[position]!) + 1 + (position % 63)) % 64]!;
      const result = await decodeSessionFragment(fragment.slice(0, position) + replacement + fragment.slice(position + 1));
      expect(result.ok, `position ${position}`).toBe(false);
      if (!result.ok) expect(result.error.kind).toBe('damaged');
    }
  });

  it('names each kind of problem', async () => {
    const bytes = fromBase64url(encodeSessionFragment(session.descriptor).slice(8))!.slice(0, -4);
    const fragmentOf = (body: Uint8Array) => `session=${toBase64url(withCrc(body))}`;
    expect(await decodeSessionFragment('#lang=ja')).toMatchObject({ ok: false, error: { kind: 'not-a-session-link' } });
    expect(await decodeSessionFragment('')).toMatchObject({ ok: false, error: { kind: 'not-a-session-link' } });
    expect(await decodeSessionFragment('session=abc*def')).toMatchObject({ ok: false, error: { kind: 'damaged', detail: 'it contains characters that session links never use' } });
    expect(await decodeSessionFragment(fragmentOf(Uint8Array.of(2, ...bytes.subarray(1))))).toMatchObject({ ok: false, error: { kind: 'newer-format' } });
    const offCurve = Uint8Array.from(bytes);
    offCurve[offCurve.length - 1]! ^= 1;
    expect(await decodeSessionFragment(fragmentOf(offCurve))).toEqual({ ok: false, error: { kind: 'malformed', detail: 'its public key is not a valid P-256 key' } });
    const badWave = Uint8Array.from(bytes);
    badWave[8] = 3;
    expect(await decodeSessionFragment(fragmentOf(badWave))).toEqual({ ok: false, error: { kind: 'malformed', detail: 'it names an unknown survey wave' } });
    expect(await decodeSessionFragment(fragmentOf(Uint8Array.of(...bytes, 0)))).toMatchObject({ ok: false, error: { kind: 'malformed' } });
  });

  it('answers any text with a result or a typed error, never an exception', async () => {
    const fragment = encodeSessionFragment(session.descriptor);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ maxLength: 200 }).map((s) => `#session=${s}`),
          fc.stringMatching(/^session=[A-Za-z0-9_-]{0,140}$/),
          fc.array(fc.tuple(fc.nat(), fc.constantFrom(...'AQgw09-_')), { minLength: 1, maxLength: 3 }).map((edits) =>
            edits.reduce((text, [at, char]) => text.slice(0, 8 + (at % (text.length - 8))) + char + text.slice(9 + (at % (text.length - 8))), fragment),
          ),
        ),
        async (text) => {
          const result = await decodeSessionFragment(text);
          if (text === fragment) expect(result.ok).toBe(true);
          else if (!result.ok) expect(['not-a-session-link', 'damaged', 'newer-format', 'malformed']).toContain(result.error.kind);
          else expect(result.session.sessionId).toBe(session.descriptor.sessionId); // only a change the decoder ignores
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('sealed response code', () => {
  it('round-trips a complete response, and only the session that made the link can open it', async () => {
    expect(code.startsWith('BNX1')).toBe(true);
    expect(isSealedCode(code)).toBe(true);
    expect(await openSealedCode(code, held(other, session))).toEqual({ ok: true, response: full, session: session.descriptor });
    expect(await openSealedCode(code, held(other))).toEqual({
      ok: false,
      error: {
        kind: 'other-session',
        sessionId: session.descriptor.sessionId,
        detail: `it was made for session ${session.descriptor.sessionId}, which this browser does not hold: import that session's key backup to read it`,
      },
    });
  });

  it('round-trips a response with nothing optional, and an empty cohort', async () => {
    const bare = await createSession({ cohort: '', wave: 'before', instrumentVersion: 1 });
    const minimal: SurveyResponse = { ...full, wave: 'before', cohort: '', stage: null, anonymousCode: null, evaluation: null, comment: null, answers: [null, 3] };
    expect(await openSealedCode(await sealResponse(minimal, bare.descriptor), held(bare))).toEqual({ ok: true, response: minimal, session: bare.descriptor });
  });

  it('makes a different code every time (a fresh key), all carrying the same response id', async () => {
    const again = await sealResponse(full, session.descriptor);
    expect(again).not.toBe(code);
    const opened = await openSealedCode(again, held(session));
    expect(opened.ok && opened.response.responseId).toBe(full.responseId);
  });

  it('accepts what people do when copying: lower case, spaces, hyphens, I/L for 1 and O for 0', async () => {
    const sloppy = code.toLowerCase().replace(/(.{5})/g, '$1 - ');
    expect(await openSealedCode(sloppy, held(session))).toMatchObject({ ok: true, response: full });
    const lookalikes = code.slice(0, 4) + code.slice(4).replace(/1/g, 'L').replace(/0/g, 'O');
    expect(await openSealedCode(lookalikes, held(session))).toMatchObject({ ok: true, response: full });
  });

  it('opens a code made by following the format guide, written without sealed.ts', async () => {
    expect(await openSealedCode(await sealAsGuideSays(payloadOf(full), session.descriptor), held(session))).toEqual({ ok: true, response: full, session: session.descriptor });
  });

  it('refuses to seal a response for another wave, cohort or survey version', async () => {
    await expect(sealResponse({ ...full, wave: 'before' }, session.descriptor)).rejects.toThrow(/collects "after" responses/);
    await expect(sealResponse({ ...full, cohort: 'OTHER' }, session.descriptor)).rejects.toThrow(RangeError);
    await expect(sealResponse({ ...full, instrumentVersion: 2 }, session.descriptor)).rejects.toThrow(RangeError);
  });

  it('reports a code whose content does not fit its session, or is not a response, as malformed', async () => {
    const wrongWave = await sealAsGuideSays(payloadOf({ ...full, wave: 'before' }), session.descriptor);
    expect(await openSealedCode(wrongWave, held(session))).toEqual({
      ok: false,
      error: { kind: 'malformed', detail: `it is a "before" response, but session ${session.descriptor.sessionId} collects "after" responses` },
    });
    const garbage = await sealAsGuideSays(Uint8Array.of(1, 1, 3, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), session.descriptor);
    expect(await openSealedCode(garbage, held(session))).toEqual({ ok: false, error: { kind: 'malformed', detail: 'unknown wave' } });
    const tiny = await sealAsGuideSays(Uint8Array.of(1), session.descriptor);
    expect(await openSealedCode(tiny, held(session))).toMatchObject({ ok: false, error: { kind: 'malformed' } });
  });

  it('says what kind of problem a code has', async () => {
    const lookup = held(session);
    expect(await openSealedCode('hello', lookup)).toMatchObject({ ok: false, error: { kind: 'not-a-sealed-code' } });
    expect(await openSealedCode(encodeResponse(full), lookup)).toMatchObject({ ok: false, error: { kind: 'not-a-sealed-code' } });
    expect(isSealedCode(encodeResponse(full))).toBe(false);
    expect(await openSealedCode('BNX2ABCDEF', lookup)).toMatchObject({ ok: false, error: { kind: 'newer-codec', version: 2 } });
    expect(await openSealedCode(code.slice(0, 40), lookup)).toEqual({ ok: false, error: { kind: 'mistyped', detail: 'it is too short: part of it may be missing' } });
    expect(await openSealedCode(`${code.slice(0, 10)}U${code.slice(11)}`, lookup)).toEqual({ ok: false, error: { kind: 'mistyped', detail: 'it contains a character that codes never use' } });
    expect(await openSealedCode(`${code}0`, lookup)).toEqual({ ok: false, error: { kind: 'mistyped', detail: 'a character may be missing or added' } });
    expect(await openSealedCode(code.slice(0, -1), lookup)).toMatchObject({ ok: false, error: { kind: 'mistyped' } });
    expect(await openSealedCode(code.slice(0, -2), lookup)).toMatchObject({ ok: false, error: { kind: 'mistyped' } });
  });

  it('rejects every single mistyped character and every swap of neighbours as mistyped', async () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let position = 4; position < code.length; position++) {
      for (const replacement of alphabet) {
        if (replacement === code[position]) continue;
        const result = await openSealedCode(code.slice(0, position) + replacement + code.slice(position + 1), held(session));
        if (result.ok || result.error.kind !== 'mistyped') expect.fail(`position ${position} → ${replacement}: ${JSON.stringify(result)}`);
      }
      if (position < code.length - 1 && code[position] !== code[position + 1]) {
        const swapped = code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2);
        expect(await openSealedCode(swapped, held(session))).toMatchObject({ ok: false, error: { kind: 'mistyped' } });
      }
    }
  });

  it('detects a change at every byte, with or without a matching CRC, and never crashes', async () => {
    const bytes = fromBase32(code.slice(4))!;
    const envelope = bytes.slice(0, -4);
    for (let at = 0; at < envelope.length; at++) {
      const changed = Uint8Array.from(envelope);
      changed[at]! ^= 1 << (at % 8);
      const plainChange = Uint8Array.from(bytes);
      plainChange.set(changed);
      expect(await openSealedCode(`BNX1${toBase32(plainChange)}`, held(session)), `byte ${at}`).toMatchObject({ ok: false, error: { kind: 'mistyped' } });
      // With the CRC recomputed, as someone tampering on purpose would: the AEAD tag or the header check catches it.
      const result = await openSealedCode(`BNX1${toBase32(withCrc(changed))}`, held(session, other));
      const expected = at === 0 ? ['newer-codec', 'malformed'] : at <= 6 ? ['other-session'] : ['tampered'];
      expect(result.ok, `byte ${at}`).toBe(false);
      if (!result.ok) expect(expected, `byte ${at}: ${result.error.kind}`).toContain(result.error.kind);
    }
  });

  it('keeps the longest sealed code within 450 characters', async () => {
    const widest = await createSession({ cohort: 'X'.repeat(16), wave: 'after', instrumentVersion: 1 });
    const longest = { ...full, cohort: 'X'.repeat(16), anonymousCode: 'a'.repeat(12), comment: 'あ'.repeat(200) };
    const sealed = await sealResponse(longest, widest.descriptor);
    // 180-byte payload + 60 bytes (header 40, tag 16, CRC 4) = 240 bytes = 384 base32 characters, plus "BNX1".
    expect(encodeResponse(longest).length).toBe(298);
    expect(sealed.length).toBe(388);
    expect(sealed.length).toBeLessThanOrEqual(450);
    expect(code.length).toBe(268); // the typical complete response above, with a short comment
    // Version 2 of the survey: 52 items, so the code carries 115 comment bytes and stays as long.
    const widest2 = await createSession({ cohort: 'X'.repeat(16), wave: 'after', instrumentVersion: 2 });
    const longest2 = { ...longest, instrumentVersion: 2, answers: Array(52).fill(5) };
    expect(encodeResponse(longest2).length).toBe(298);
    const sealed2 = await sealResponse(longest2, widest2.descriptor);
    expect(sealed2.length).toBe(388);
    expect(sealed2.length).toBeLessThanOrEqual(450);
  });

  it('has the lengths the format guide gives', async () => {
    const before = await createSession({ cohort: 'MGR-2026-11', wave: 'before', instrumentVersion: 1 });
    const bare: SurveyResponse = { ...full, wave: 'before', anonymousCode: null, evaluation: null, comment: null };
    const typical: SurveyResponse = { ...full, comment: '面談の練習がすぐに使えそうです。' };
    const lengths = [encodeResponse(bare).length, (await sealResponse(bare, before.descriptor)).length, encodeResponse(typical).length, (await sealResponse(typical, session.descriptor)).length];
    expect(lengths).toEqual([72, 163, 168, 259]);
    const guide = (locale: string) => readFileSync(new URL(`../../content/guides/${locale}/survey-formats.mdx`, import.meta.url), 'utf8');
    expect(guide('ja')).toContain('| 72 文字 | 163 文字 |');
    expect(guide('ja')).toContain('| 168 文字 | 259 文字 |');
    expect(guide('en')).toContain('| 72 characters | 163 characters |');
    expect(guide('en')).toContain('| 168 characters | 259 characters |');
  });
});

describe('sealed code fuzzing', () => {
  const response = fc.record({
    instrumentVersion: fc.constant(1),
    wave: fc.constant('after' as const),
    role: fc.integer({ min: 0, max: 3 }),
    stage: fc.option(fc.integer({ min: 0, max: 254 }), { nil: null }),
    responseId: fc.stringMatching(/^[0-9a-f]{12}$/),
    day: fc.integer({ min: 0, max: 20000 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
    cohort: fc.constant('MGR-2026-11'),
    anonymousCode: fc.option(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), { nil: null }),
    answers: fc.array(fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }), { maxLength: 40 }),
    evaluation: fc.option(
      fc.record({
        satisfaction: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        applicability: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        recommend: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      }),
      { nil: null },
    ),
    comment: fc.option(fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme-ascii' }), { nil: null }),
  });
  const kinds = ['not-a-sealed-code', 'mistyped', 'newer-codec', 'other-session', 'tampered', 'malformed'];

  it('round-trips random responses', async () => {
    await fc.assert(
      fc.asyncProperty(response, async (r) => {
        const opened = await openSealedCode(await sealResponse(r, session.descriptor), held(session));
        expect(opened).toEqual({ ok: true, response: { ...r, comment: r.comment || null }, session: session.descriptor });
      }),
      { numRuns: 200 },
    );
  });

  it('answers any text with a typed error, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 450 }), fc.string({ maxLength: 450 }).map((s) => `BNX1${s}`), fc.stringMatching(/^BNX1[0-9A-Z]{0,420}$/)),
        async (text) => {
          const result = await openSealedCode(text, held(session));
          expect(result.ok).toBe(false);
          if (!result.ok) expect(kinds).toContain(result.error.kind);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('rejects valid codes after random edits (replacements, deletions, insertions, cuts) with a typed error', async () => {
    const codes = await Promise.all(Array.from({ length: 8 }, (_, i) => sealResponse({ ...full, answers: full.answers.slice(i * 4), comment: i % 2 ? null : full.comment }, session.descriptor)));
    const edit = fc.oneof(
      fc.tuple(fc.constant('replace' as const), fc.nat(), fc.constantFrom(...'0123456789ABCDEFGHJKMNPQRSTVWXYZ')),
      fc.tuple(fc.constant('delete' as const), fc.nat(), fc.constant('')),
      fc.tuple(fc.constant('insert' as const), fc.nat(), fc.constantFrom(...'0123456789ABCDEFGHJKMNPQRSTVWXYZ')),
      fc.tuple(fc.constant('cut' as const), fc.nat(), fc.constant('')),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...codes), fc.array(edit, { minLength: 1, maxLength: 4 }), async (original, edits) => {
        let text = original;
        for (const [kind, at, char] of edits) {
          const position = 4 + (at % Math.max(1, text.length - 4));
          if (kind === 'replace') text = text.slice(0, position) + char + text.slice(position + 1);
          else if (kind === 'delete') text = text.slice(0, position) + text.slice(position + 1);
          else if (kind === 'insert') text = text.slice(0, position) + char + text.slice(position);
          else text = text.slice(0, position);
        }
        fc.pre(text !== original);
        const result = await openSealedCode(text, held(session));
        // CRC-32 lets through about one random corruption in four billion, and the AEAD tag catches that one.
        expect(result.ok).toBe(false);
        if (!result.ok) expect(['mistyped', 'tampered', 'malformed']).toContain(result.error.kind);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('sealed bytes', () => {
  it('round-trips any bytes and says which session they were sealed for', async () => {
    const bytes = new TextEncoder().encode('{"format":"banso-survey-response"}');
    const sealed = await sealBytes(bytes, session.descriptor);
    expect(await openBytes(sealed, held(session))).toEqual({ ok: true, bytes, session: session.descriptor });
    expect(await openBytes(sealed, held(other))).toMatchObject({ ok: false, error: { kind: 'other-session', sessionId: session.descriptor.sessionId } });
    expect(await openBytes(sealed.subarray(0, 20), held(session))).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    const changed = Uint8Array.from(sealed);
    changed[changed.length - 1]! ^= 0x80;
    expect(await openBytes(changed, held(session))).toMatchObject({ ok: false, error: { kind: 'tampered' } });
    expect(await openBytes(Uint8Array.of(9, ...sealed.subarray(1)), held(session))).toMatchObject({ ok: false, error: { kind: 'newer-codec', version: 9 } });
  });

  it('will not open a sealed code as bytes, or bytes as a code: each kind has its own key', async () => {
    const envelope = fromBase32(code.slice(4))!.slice(0, -4);
    expect(await openBytes(envelope, held(session))).toMatchObject({ ok: false, error: { kind: 'tampered' } });
    const bytesAsCode = await sealAsGuideSays(payloadOf(full), session.descriptor, 'banso sealed bytes v1');
    expect(await openSealedCode(bytesAsCode, held(session))).toMatchObject({ ok: false, error: { kind: 'tampered' } });
  });
});

describe('session key backup', () => {
  it('round-trips through JSON and opens codes sealed before the backup', async () => {
    const backup = JSON.parse(JSON.stringify(await exportSessionBackup(session.descriptor, session.privateKey)));
    expect(backup).toMatchObject({ format: 'banso-session-key', version: 1, session: session.descriptor, privateKey: { kty: 'EC', crv: 'P-256' } });
    expect(Object.keys(backup.privateKey).sort()).toEqual(['crv', 'd', 'kty', 'x', 'y']);
    const restored = await importSessionBackup(backup);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.keys.descriptor).toEqual(session.descriptor);
    // Not extractable: the browser that restores it keeps the protected backup beside it instead (session-backup.ts).
    expect(restored.keys.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', restored.keys.privateKey)).rejects.toThrow();
    expect(await openSealedCode(code, held(restored.keys))).toMatchObject({ ok: true, response: full });
  });

  it('refuses a backup whose private key belongs to another session', async () => {
    const mine = await exportSessionBackup(session.descriptor, session.privateKey);
    const theirs = await exportSessionBackup(other.descriptor, other.privateKey);
    const detail = `its private key does not belong to session ${session.descriptor.sessionId}'s public key`;
    expect(await importSessionBackup({ ...mine, privateKey: theirs.privateKey })).toEqual({ ok: false, error: { kind: 'key-mismatch', detail } });
    // Right x and y, wrong secret: caught by importing or by the trial seal.
    expect(await importSessionBackup({ ...mine, privateKey: { ...mine.privateKey, d: theirs.privateKey.d } })).toEqual({ ok: false, error: { kind: 'key-mismatch', detail } });
  });

  it('names each kind of problem', async () => {
    const mine = await exportSessionBackup(session.descriptor, session.privateKey);
    expect(await importSessionBackup(null)).toMatchObject({ ok: false, error: { kind: 'not-a-backup' } });
    expect(await importSessionBackup({ format: 'banso-workbook', version: 1 })).toMatchObject({ ok: false, error: { kind: 'not-a-backup' } });
    expect(await importSessionBackup({ ...mine, version: 2 })).toMatchObject({ ok: false, error: { kind: 'newer-version' } });
    expect(await importSessionBackup({ ...mine, session: { ...mine.session, wave: 'later' } })).toEqual({
      ok: false,
      error: { kind: 'invalid', detail: 'session.wave should be one of before, after, follow-up' },
    });
    expect(await importSessionBackup({ ...mine, privateKey: { ...mine.privateKey, crv: 'P-384' } })).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });

  it('answers random and damaged backups with typed errors only', async () => {
    const mine = await exportSessionBackup(session.descriptor, session.privateKey);
    const paths = [['format'], ['version'], ['session'], ['session', 'sessionId'], ['session', 'publicKey'], ['session', 'createdAt'], ['privateKey'], ['privateKey', 'x'], ['privateKey', 'd']];
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.tuple(fc.constantFrom(...paths), fc.jsonValue()).map(([path, value]) => {
        const copy = structuredClone(mine) as unknown as Record<string, Record<string, unknown>>;
        if (path.length === 1) (copy as Record<string, unknown>)[path[0]!] = value;
        else copy[path[0]!]![path[1]!] = value;
        return copy;
      })), async (json) => {
        const result = await importSessionBackup(json);
        if (!result.ok) expect(['not-a-backup', 'newer-version', 'invalid', 'key-mismatch']).toContain(result.error.kind);
      }),
      { numRuns: 1000 },
    );
  });
});
