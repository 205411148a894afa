import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { commentBytesFor, crc32, decodeResponse, encodeResponse, fromBase32, MAX_COMMENT_BYTES, toBase32, truncateUtf8, type SurveyResponse } from '../../src/lib/survey/response-code.ts';
import { itemOrder } from '../../src/lib/survey/localise.ts';
import { firstInstrument, REAL_V1_CODE, siteInstrument } from '../support/instrument.ts';


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

describe('response code', () => {
  it('round-trips a complete response', () => {
    const code = encodeResponse(full);
    expect(code.startsWith('BN1')).toBe(true);
    expect(decodeResponse(code)).toEqual({ ok: true, response: full });
  });

  it('round-trips a response with nothing optional and unanswered items', () => {
    const minimal: SurveyResponse = { ...full, wave: 'before', stage: null, anonymousCode: null, evaluation: null, comment: null, cohort: '', answers: [null, 3, null] };
    expect(decodeResponse(encodeResponse(minimal))).toEqual({ ok: true, response: minimal });
  });

  it('keeps a complete code, with the longest comment, within 300 characters', () => {
    const longest = { ...full, cohort: 'X'.repeat(16), anonymousCode: 'a'.repeat(12), comment: 'あ'.repeat(200) };
    const code = encodeResponse(longest);
    expect(code.length).toBe(298);
    const decoded = decodeResponse(code);
    expect(decoded.ok && new TextEncoder().encode(decoded.response.comment!).length).toBeLessThanOrEqual(MAX_COMMENT_BYTES);
    expect(decoded.ok && decoded.response.comment).toBe('あ'.repeat(40)); // 40 × 3 bytes = 120
  });

  it('keeps the worst case of every survey version within 300 characters, giving way on the comment', () => {
    // Every item answered with the widest value, the longest cohort and anonymous code, the evaluation, and a
    // comment far longer than any code carries.
    for (const instrument of [firstInstrument, siteInstrument]) {
      const count = itemOrder(instrument).length;
      const worst: SurveyResponse = { ...full, instrumentVersion: instrument.version, cohort: 'X'.repeat(16), anonymousCode: 'a'.repeat(12), answers: Array(count).fill(5), comment: 'あ'.repeat(200) };
      const code = encodeResponse(worst);
      expect(code.length, `version ${instrument.version}`).toBeLessThanOrEqual(300);
      const decoded = decodeResponse(code);
      expect(decoded.ok && new TextEncoder().encode(decoded.response.comment!).length).toBe(Math.floor(commentBytesFor(count) / 3) * 3);
    }
    expect(commentBytesFor(itemOrder(firstInstrument).length)).toBe(120);
    expect(commentBytesFor(itemOrder(siteInstrument).length)).toBe(115);
    // A single-byte comment fills the budget exactly: the limit is as tight as it can be.
    const count = itemOrder(siteInstrument).length;
    const ascii: SurveyResponse = { ...full, instrumentVersion: 2, cohort: 'X'.repeat(16), anonymousCode: 'a'.repeat(12), answers: Array(count).fill(5), comment: 'a'.repeat(300) };
    expect(encodeResponse(ascii).length).toBe(299);
    expect(encodeResponse({ ...ascii, comment: 'a'.repeat(116) })).toBe(encodeResponse(ascii));
  });

  it('still decodes a real version 1 code, with its 120-byte comment', () => {
    const decoded = decodeResponse(REAL_V1_CODE);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.response).toMatchObject({ instrumentVersion: 1, wave: 'after', role: 1, cohort: 'MGR-2026-11', anonymousCode: 'sakura42', responseId: '0a1b2c3d4e5f' });
    expect(decoded.response.answers).toHaveLength(itemOrder(firstInstrument).length);
    expect(new TextEncoder().encode(decoded.response.comment!).length).toBe(120);
    // Re-encoding it gives the same code: a version 1 response still carries its 120 bytes.
    expect(encodeResponse(decoded.response)).toBe(REAL_V1_CODE);
  });

  it('accepts what people do when copying: lower case, spaces, hyphens, I/L for 1 and O for 0', () => {
    const code = encodeResponse(full);
    const sloppy = code.toLowerCase().replace(/(.{5})/g, '$1 - ');
    expect(decodeResponse(sloppy)).toEqual({ ok: true, response: full });
    const withLookalikes = code.slice(0, 3) + code.slice(3).replace(/1/g, 'I').replace(/0/g, 'O');
    expect(decodeResponse(withLookalikes)).toEqual({ ok: true, response: full });
  });

  it('rejects every single mistyped character', () => {
    const code = encodeResponse(full);
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let position = 3; position < code.length; position++) {
      for (const replacement of alphabet) {
        if (replacement === code[position]) continue;
        const result = decodeResponse(code.slice(0, position) + replacement + code.slice(position + 1));
        expect(result.ok, `position ${position} → ${replacement}`).toBe(false);
      }
    }
  });

  it('rejects every swap of two neighbouring characters that changes the code', () => {
    const code = encodeResponse(full);
    for (let position = 3; position < code.length - 1; position++) {
      if (code[position] === code[position + 1]) continue;
      const swapped = code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2);
      expect(decodeResponse(swapped).ok).toBe(false);
    }
  });

  it('says what kind of problem a code has', () => {
    const code = encodeResponse(full);
    expect(decodeResponse('hello')).toEqual({ ok: false, error: { kind: 'not-a-code' } });
    expect(decodeResponse('BN2ABCDEF')).toEqual({ ok: false, error: { kind: 'newer-codec', version: 2 } });
    expect(decodeResponse(code.slice(0, 20))).toMatchObject({ ok: false, error: { kind: 'mistyped' } });
    expect(decodeResponse(code.slice(0, -3))).toMatchObject({ ok: false, error: { kind: 'mistyped' } });
    expect(decodeResponse(`${code.slice(0, 10)}U${code.slice(11)}`)).toEqual({ ok: false, error: { kind: 'mistyped', detail: 'it contains a character that codes never use' } });
  });

  it('reports a well-checksummed payload that makes no sense as malformed, not as a crash', () => {
    const payload = Uint8Array.from([1, 1, 3, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // wave bits 3: no such wave
    const full = new Uint8Array(payload.length + 4);
    full.set(payload);
    new DataView(full.buffer).setUint32(payload.length, crc32(payload));
    expect(decodeResponse(`BN1${toBase32(full)}`)).toEqual({ ok: false, error: { kind: 'malformed', detail: 'unknown wave' } });
  });

  it('refuses to encode values the format cannot carry', () => {
    expect(() => encodeResponse({ ...full, cohort: 'lower case' })).toThrow(RangeError);
    expect(() => encodeResponse({ ...full, answers: [8] })).toThrow(RangeError);
    expect(() => encodeResponse({ ...full, day: '2023-12-31' })).toThrow(RangeError);
  });

  it('computes the standard CRC-32 and base32 round trip', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926); // the standard check value
    const bytes = Uint8Array.from([0, 1, 2, 250, 255]);
    expect(fromBase32(toBase32(bytes))).toEqual(bytes);
    expect(fromBase32('01')).toBeUndefined(); // spare bits set: not the canonical spelling of any bytes
    expect(truncateUtf8('ab日本', 4)).toBe('ab');
  });
});

describe('response code fuzzing', () => {
  const response = fc.record({
    instrumentVersion: fc.integer({ min: 1, max: 255 }),
    wave: fc.constantFrom('before' as const, 'after' as const, 'follow-up' as const),
    role: fc.integer({ min: 0, max: 3 }),
    stage: fc.option(fc.integer({ min: 0, max: 254 }), { nil: null }),
    responseId: fc.stringMatching(/^[0-9a-f]{12}$/),
    day: fc.integer({ min: 0, max: 20000 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
    cohort: fc.stringMatching(/^[A-Z0-9-]{0,16}$/),
    anonymousCode: fc.option(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), { nil: null }),
    answers: fc.array(fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }), { maxLength: 60 }),
    evaluation: fc.option(
      fc.record({
        satisfaction: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        applicability: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        recommend: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      }),
      { nil: null },
    ),
    comment: fc.option(fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }), { nil: null }),
  });

  it('round-trips any valid response (comments cut to the byte limit)', () => {
    fc.assert(
      fc.property(response, (r) => {
        const decoded = decodeResponse(encodeResponse(r));
        const comment = r.comment && truncateUtf8(r.comment, commentBytesFor(r.answers.length));
        expect(decoded).toEqual({ ok: true, response: { ...r, comment: comment || null } });
      }),
      { numRuns: 2000 },
    );
  });

  it('answers any text at all with a result or a typed error, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ maxLength: 400 }).map((s) => `BN1${s}`), fc.stringMatching(/^BN1[0-9A-Z]{0,300}$/)), (text) => {
        const result = decodeResponse(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects valid codes after random mutations, with a typed error', () => {
    fc.assert(
      fc.property(response, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...'0123456789ABCDEFGHJKMNPQRSTVWXYZ')), { minLength: 1, maxLength: 4 }), (r, edits) => {
        const code = encodeResponse(r);
        let mutated = code;
        for (const [at, char] of edits) {
          const position = 3 + (at % (code.length - 3));
          mutated = mutated.slice(0, position) + char + mutated.slice(position + 1);
        }
        fc.pre(mutated !== code);
        const result = decodeResponse(mutated);
        // CRC-32 lets through about one random corruption in four billion; anything else must be refused.
        expect(result.ok).toBe(false);
        if (!result.ok) expect(['mistyped', 'malformed']).toContain(result.error.kind);
      }),
      { numRuns: 3000 },
    );
  });
});
