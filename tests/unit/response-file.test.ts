import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toBase64url } from '../../src/lib/survey/base64url.ts';
import { decodeResponse, encodeResponse, fromBase32, type SurveyResponse } from '../../src/lib/survey/response-code.ts';
import { openResponseFile, parseResponseFile } from '../../src/lib/survey/response-file.ts';
import { toResponseFile, toSealedResponseFile } from '../../src/lib/survey/response-file-write.ts';
import { type SessionKeys } from '../../src/lib/survey/sealed.ts';
import { sealBytes } from '../../src/lib/survey/sealed-handover.ts';
import { createSession } from '../../src/lib/survey/session-link.ts';
import { firstInstrument } from '../support/instrument.ts';
import { importBatch } from '../../src/lib/dashboard/import-batch.ts';
import { createDataset } from '../../src/lib/dashboard/dataset.ts';
import { rejectText } from '../../src/islands/dashboard/reasons.ts';
import type { DashboardText } from '../../src/islands/dashboard/strings.ts';

// Version 1 of the survey: its files must keep reading now that the survey is at version 2 (v2 is tested below).
const instrument = firstInstrument;
const itemIds = instrument.scales.flatMap((scale) => scale.items.map((item) => item.id));

const full: SurveyResponse = {
  instrumentVersion: 1,
  wave: 'after',
  role: 1,
  stage: 2,
  responseId: '0a1b2c3d4e5f',
  day: '2026-11-23',
  cohort: 'MGR-2026-11',
  anonymousCode: 'sakura42',
  answers: itemIds.map((_, i) => (i % 7 === 6 ? null : (i % 5) + 1)),
  evaluation: { satisfaction: 5, applicability: 4, recommend: 9 },
  comment: `アサインの練習がすぐに使えそうです。${'次回は事例をもう少し聞きたいです。'.repeat(20)}`,
};

/** A file as another tool might write it: only some items, optional keys left out. */
const handWritten = {
  format: 'banso-survey-response',
  version: 1,
  instrument: { id: 'banso-career-autonomy', version: 1 },
  response: { responseId: 'ffffffffffff', day: '2026-12-01', wave: 'before', cohort: '', role: 'member', answers: { ca1: 4, ca3: 2, ab3: null } },
};

const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
/** An "invalid" error with this English detail (it also names the first problem's key path: tested below). */
const invalid = (detail: string) => ({ ok: false, error: expect.objectContaining({ kind: 'invalid', detail }) });
const withResponse = (changes: Record<string, unknown>) => ({ ...handWritten, response: { ...handWritten.response, ...changes } });

describe('response file', () => {
  it('writes ids and readable values, in instrument order', () => {
    const file = toResponseFile(full, instrument);
    expect(file).toMatchObject({
      format: 'banso-survey-response',
      version: 1,
      instrument: { id: 'banso-career-autonomy', version: 1 },
      response: { wave: 'after', role: 'manager', careerStage: 'senior', anonymousCode: 'sakura42', evaluation: { satisfaction: 5, applicability: 4, recommend: 9 } },
    });
    expect(Object.keys(file.response.answers)).toEqual(itemIds);
    expect(file.response.answers).toMatchObject({ ca1: 1, ca2: 2, ca3: 3, pa1: 4, pa2: 5, pa3: 1, le1: null });
  });

  it('round-trips a complete response through JSON, with the whole comment', () => {
    expect(full.comment!.length).toBeGreaterThan(300);
    expect(parseResponseFile(roundTrip(toResponseFile(full, instrument)), instrument)).toEqual({ ok: true, response: full });
    const bare: SurveyResponse = { ...full, stage: null, anonymousCode: null, evaluation: null, comment: null, answers: itemIds.map(() => null) };
    expect(parseResponseFile(roundTrip(toResponseFile(bare, instrument)), instrument)).toEqual({ ok: true, response: bare });
  });

  it('reads a hand-written file: missing items and left-out optional keys are unanswered', () => {
    const result = parseResponseFile(handWritten, instrument);
    expect(result).toEqual({
      ok: true,
      response: {
        instrumentVersion: 1,
        wave: 'before',
        role: 0,
        stage: null,
        responseId: 'ffffffffffff',
        day: '2026-12-01',
        cohort: '',
        anonymousCode: null,
        answers: itemIds.map((id) => (id === 'ca1' ? 4 : id === 'ca3' ? 2 : null)),
        evaluation: null,
        comment: null,
      },
    });
  });

  it('keeps comments up to 2,000 characters and refuses longer ones', () => {
    const longest = { ...full, comment: 'あ'.repeat(2000) };
    expect(parseResponseFile(roundTrip(toResponseFile(longest, instrument)), instrument)).toEqual({ ok: true, response: longest });
    expect(() => toResponseFile({ ...full, comment: 'あ'.repeat(2001) }, instrument)).toThrow(RangeError);
    expect(parseResponseFile(withResponse({ comment: 'あ'.repeat(2001) }), instrument)).toEqual(invalid('response.comment should be text of at most 2000 characters, or null'));
  });

  it('refuses to write a response the instrument cannot hold', () => {
    expect(() => toResponseFile({ ...full, answers: full.answers.slice(1) }, instrument)).toThrow('answers: one per item (36), in instrument order');
    expect(() => toResponseFile({ ...full, instrumentVersion: 2 }, instrument)).toThrow(RangeError);
    expect(() => toResponseFile({ ...full, role: 3 }, instrument)).toThrow('response.role should be one of "member", "manager"');
    expect(() => toResponseFile({ ...full, answers: full.answers.map(() => 6) }, instrument)).toThrow('response.answers.ca1 should be a whole number from 1 to 5, or null');
  });

  it('says what kind of file it is not', () => {
    const notAFile = { ok: false, error: { kind: 'not-a-response-file', detail: 'it has no "format": "banso-survey-response": it is not a survey response file' } };
    expect(parseResponseFile(null, instrument)).toEqual(notAFile);
    expect(parseResponseFile([handWritten], instrument)).toEqual(notAFile);
    expect(parseResponseFile({ format: 'banso-workbook', version: 1, exercises: {} }, instrument)).toEqual(notAFile);
    expect(parseResponseFile({ ...handWritten, version: 2 }, instrument)).toEqual({
      ok: false,
      error: { kind: 'newer-format', detail: 'it was written by a newer version of the kit (file version 2); this site reads version 1' },
    });
    expect(parseResponseFile({ ...handWritten, version: '1' }, instrument)).toEqual(invalid('version should be 1'));
    expect(parseResponseFile({ ...handWritten, instrument: { id: 'banso-career-autonomy', version: 2 } }, instrument)).toEqual({
      ok: false,
      error: { kind: 'other-instrument', version: 2, detail: 'it answers survey "banso-career-autonomy" version 2, but the survey expected is "banso-career-autonomy" version 1' },
    });
    expect(parseResponseFile({ ...handWritten, instrument: 'career' }, instrument)).toEqual(invalid('instrument should be { "id": text, "version": a whole number }'));
  });

  it('names the key path and what was expected for every problem', () => {
    expect(parseResponseFile(withResponse({ answers: { ca1: 4, xx9: 3 } }), instrument)).toEqual(invalid('response.answers.xx9 is not an item of survey "banso-career-autonomy" version 1'));
    expect(parseResponseFile(withResponse({ answers: { ca1: 6 } }), instrument)).toEqual(invalid('response.answers.ca1 should be a whole number from 1 to 5, or null'));
    expect(parseResponseFile(withResponse({ answers: { ca1: 2.5 } }), instrument)).toEqual(invalid('response.answers.ca1 should be a whole number from 1 to 5, or null'));
    expect(parseResponseFile(withResponse({ answers: { 'not an id': 1 } }), instrument)).toEqual(invalid('response.answers["not an id"] is not an item of survey "banso-career-autonomy" version 1'));
    expect(parseResponseFile(withResponse({ answers: [4, 2] }), instrument)).toEqual(invalid('response.answers should be an object from item ids to answers'));
    expect(parseResponseFile(withResponse({ role: 'boss' }), instrument)).toEqual(invalid('response.role should be one of "member", "manager"'));
    expect(parseResponseFile(withResponse({ careerStage: 2 }), instrument)).toEqual(invalid('response.careerStage should be one of "early", "mid", "senior", "other", or null'));
    expect(parseResponseFile(withResponse({ day: '2026-02-30' }), instrument)).toEqual(invalid('response.day should be a date from 2024-01-01 to 2203-06-07, written YYYY-MM-DD'));
    expect(parseResponseFile(withResponse({ wave: 'During' }), instrument)).toEqual(invalid('response.wave should be one of "before", "after", "follow-up"'));
    expect(parseResponseFile(withResponse({ evaluation: { satisfaction: 5, recommend: 11 } }), instrument)).toEqual(invalid('response.evaluation.recommend should be a whole number from 0 to 10, or null'));
    expect(parseResponseFile(withResponse({ evaluation: { nps: 9 } }), instrument)).toEqual(invalid('response.evaluation.nps is not part of the evaluation'));
    expect(parseResponseFile(withResponse({ name: 'Sato' }), instrument)).toEqual(invalid('response.name is not part of a response'));
    expect(parseResponseFile({ ...handWritten, exportedAt: '2026-12-01' }, instrument)).toEqual(invalid('exportedAt is not part of a response file'));
    expect(parseResponseFile(withResponse({ responseId: 'ABC', cohort: 'mgr' }), instrument)).toEqual(
      invalid('response.responseId should be 12 lower-case hexadecimal digits, such as "0a1b2c3d4e5f"; response.cohort should be up to 16 of A–Z, 0–9 and - (it may be "")'),
    );
    const many = parseResponseFile(withResponse({ answers: Object.fromEntries(itemIds.map((id) => [id, 0])) }), instrument);
    expect(many.ok === false && many.error.detail.endsWith('; and 31 more problems')).toBe(true);
  });
});

describe('sealed response file', () => {
  let session: SessionKeys;
  let other: SessionKeys;
  const held = (...sessions: SessionKeys[]) => (id: string) => sessions.find((s) => s.descriptor.sessionId === id);

  beforeAll(async () => {
    session = await createSession({ cohort: 'MGR-2026-11', wave: 'after', instrumentVersion: 1 });
    other = await createSession({ cohort: 'MGR-2026-11', wave: 'after', instrumentVersion: 1 });
  });

  it('round-trips through JSON, and shows only the session id outside', async () => {
    const sealed = await toSealedResponseFile(full, instrument, session.descriptor);
    expect(Object.keys(sealed)).toEqual(['format', 'version', 'sealed']);
    expect(sealed.sealed.sessionId).toBe(session.descriptor.sessionId);
    expect(JSON.stringify(sealed)).not.toContain('sakura42');
    expect(await openResponseFile(roundTrip(sealed), instrument, held(other, session))).toEqual({ ok: true, response: full, sessionId: session.descriptor.sessionId });
  });

  it('opens plain files too, and the plain reader says a sealed file needs its key', async () => {
    const sealed = await toSealedResponseFile(full, instrument, session.descriptor);
    expect(await openResponseFile(toResponseFile(full, instrument), instrument, held())).toEqual({ ok: true, response: full, sessionId: null });
    expect(parseResponseFile(sealed, instrument)).toEqual({
      ok: false,
      error: { kind: 'sealed', sessionId: session.descriptor.sessionId, detail: `it is sealed for session ${session.descriptor.sessionId}: only that session's key can open it` },
    });
  });

  it('names each kind of problem', async () => {
    const sealed = await toSealedResponseFile(full, instrument, session.descriptor);
    const id = session.descriptor.sessionId;
    expect(await openResponseFile(sealed, instrument, held(other))).toMatchObject({ ok: false, error: { kind: 'other-session', sessionId: id } });
    const data = sealed.sealed.data;
    const middle = Math.floor(data.length / 2);
    const changed = { ...sealed, sealed: { sessionId: id, data: data.slice(0, middle) + (data[middle] === 'A' ? 'B' : 'A') + data.slice(middle + 1) } };
    expect(await openResponseFile(changed, instrument, held(session))).toMatchObject({ ok: false, error: { kind: 'tampered' } });
    expect(await openResponseFile({ ...sealed, sealed: { sessionId: other.descriptor.sessionId, data } }, instrument, held(session, other))).toEqual(
      invalid(`sealed.sessionId says ${other.descriptor.sessionId}, but the data was sealed for session ${id}`),
    );
    expect(await openResponseFile({ ...sealed, sealed: { sessionId: id, data: '***' } }, instrument, held(session))).toEqual(invalid('sealed.data should be base64url text of at most 100000 characters'));
    expect(await openResponseFile({ ...sealed, sealed: { sessionId: 'me', data } }, instrument, held(session))).toEqual(invalid('sealed.sessionId should be 12 hexadecimal digits'));
    expect(await openResponseFile({ ...sealed, response: {} }, instrument, held(session))).toEqual(invalid('response should not be next to "sealed"'));
    await expect(toSealedResponseFile({ ...full, wave: 'before' }, instrument, session.descriptor)).rejects.toThrow(RangeError);
  });

  it('refuses sealed content that is not a file for this session', async () => {
    const seal = async (value: unknown) => ({
      format: 'banso-survey-response',
      version: 1,
      sealed: { sessionId: session.descriptor.sessionId, data: toBase64url(await sealBytes(new TextEncoder().encode(JSON.stringify(value)), session.descriptor)) },
    });
    const beforeWave = toResponseFile({ ...full, wave: 'before' }, instrument);
    expect(await openResponseFile(await seal(beforeWave), instrument, held(session))).toEqual(
      invalid(`it is a "before" response, but session ${session.descriptor.sessionId} collects "after" responses`),
    );
    expect(await openResponseFile(await seal({ ...beforeWave, version: 7 }), instrument, held(session))).toMatchObject({ ok: false, error: { kind: 'newer-format' } });
    expect(await openResponseFile(await seal(withResponse({ role: 'boss' })), instrument, held(session))).toEqual(
      invalid('inside the sealed data, response.role should be one of "member", "manager"'),
    );
    const notJson = { ...(await seal(null)), sealed: { sessionId: session.descriptor.sessionId, data: toBase64url(await sealBytes(Uint8Array.of(0xff, 0xfe), session.descriptor)) } };
    expect(await openResponseFile(notJson, instrument, held(session))).toEqual(invalid('sealed.data does not hold a JSON response file'));
  });
});

describe('response file fuzzing', () => {
  const kinds = ['not-a-response-file', 'newer-format', 'other-instrument', 'invalid', 'sealed'];

  it('answers any JSON value with a typed error, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything(), fc.dictionary(fc.string(), fc.jsonValue()).map((d) => ({ ...d, format: 'banso-survey-response', version: 1 }))), (json) => {
        const result = parseResponseFile(json, instrument);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(kinds).toContain(result.error.kind);
      }),
      { numRuns: 3000 },
    );
  });

  it('answers valid files with one value replaced by anything with a typed result', () => {
    const valid = toResponseFile(full, instrument) as unknown as Record<string, Record<string, unknown>>;
    const paths = [
      ['version'], ['instrument'], ['response'], ...Object.keys(valid.response!).map((key) => ['response', key]),
      ...itemIds.slice(0, 6).map((id) => ['response', 'answers', id]), ['response', 'evaluation', 'recommend'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const copy = structuredClone(valid) as Record<string, unknown>;
        let at = copy;
        for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
        at[path.at(-1)!] = value;
        const result = parseResponseFile(copy, instrument);
        if (!result.ok) expect(kinds).toContain(result.error.kind);
        else {
          // Whatever is read can be written again, as a file and as a plain code.
          expect(toResponseFile(result.response, instrument)).toBeTruthy();
          expect(encodeResponse(result.response)).toMatch(/^BN1/);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('answers random and damaged sealed files with typed errors only', async () => {
    const session = await createSession({ cohort: 'MGR-2026-11', wave: 'after', instrumentVersion: 1 });
    const sealed = await toSealedResponseFile(full, instrument, session.descriptor);
    const lookup = (id: string) => (id === session.descriptor.sessionId ? session : undefined);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((value) => ({ ...sealed, sealed: value })),
          fc.stringMatching(/^[A-Za-z0-9_-]{0,400}$/).map((data) => ({ ...sealed, sealed: { ...sealed.sealed, data } })),
          fc.tuple(fc.nat(), fc.constantFrom(...'AQgw09-_')).map(([at, char]) => {
            const data = sealed.sealed.data;
            const position = at % data.length;
            return { ...sealed, sealed: { ...sealed.sealed, data: data.slice(0, position) + char + data.slice(position + 1) } };
          }),
        ),
        async (json) => {
          const result = await openResponseFile(json, instrument, lookup);
          if (!result.ok) expect([...kinds, 'tampered', 'other-session']).toContain(result.error.kind);
          else expect(result.response).toEqual(full); // only an edit that changed nothing
        },
      ),
      { numRuns: 1000 },
    );
  });
});

/** The format guide shows real examples; keep them true to what the code writes and reads. */
describe('format guide examples', () => {
  const guides = ['ja', 'en'].map((locale) => readFileSync(new URL(`../../content/guides/${locale}/survey-formats.mdx`, import.meta.url), 'utf8'));
  const documented: SurveyResponse = {
    instrumentVersion: 1,
    wave: 'before',
    role: 0,
    stage: 1,
    responseId: '3fa29c015be7',
    day: '2026-11-16',
    cohort: 'MGR-2026-11',
    anonymousCode: null,
    answers: [4, 4, 2, 3, 4, 4, 5, 3, 4, 4, 3, 2, 4, 3, 4, 3, 4, 4, 4, 4, 2, 4, 5, 3, 3, 4, 4, 4, 4, 3, 4, 5, 4, 3, 4, 4],
    evaluation: null,
    comment: null,
  };

  it('shows the plain code of the response it describes, and its bytes', () => {
    const code = encodeResponse(documented);
    const hex = Array.from(fromBase32(code.slice(3))!, (b) => b.toString(16).padStart(2, '0'));
    expect(decodeResponse(code)).toEqual({ ok: true, response: documented });
    for (const guide of guides) {
      expect(guide).toContain(`\n${code}\n`);
      expect(guide).toContain(`${hex.slice(24, 39).join(' ')}   `); // the item count and the answers
      expect(guide).toContain(hex.slice(-4).join(' ')); // the CRC-32
    }
  });

  it('shows a response file that reads, and a sealed file with the documented keys', () => {
    for (const guide of guides) {
      const blocks = [...guide.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1]!);
      const plain = blocks.find((block) => block.includes('"response"'))!;
      const read = parseResponseFile(JSON.parse(plain), instrument);
      expect(read.ok && read.response).toMatchObject({ responseId: '8c41d07e2a9b', role: 1, stage: 1, wave: 'after', evaluation: { satisfaction: 5, applicability: 4, recommend: 9 } });
      const sealed = JSON.parse(blocks.find((block) => block.includes('"sealed"'))!.replace('…', ''));
      expect(parseResponseFile(sealed, instrument)).toMatchObject({ ok: false, error: { kind: 'sealed', sessionId: '142db91118a2' } });
    }
  });
});

describe('a rejected response file says where, in the page’s language (issue 15)', () => {
  const ja = JSON.parse(readFileSync(new URL('../../content/i18n/ja.json', import.meta.url), 'utf8')) as Record<string, string>;
  const en = JSON.parse(readFileSync(new URL('../../content/i18n/en.json', import.meta.url), 'utf8')) as Record<string, string>;
  const dashboardText = (dictionary: Record<string, string>) =>
    Object.fromEntries(Object.entries(dictionary).filter(([key]) => key.startsWith('dashboard.')).map(([key, value]) => [key.slice('dashboard.'.length), value])) as unknown as DashboardText;
  const question = (locale: 'ja' | 'en') => (id: string) => firstInstrument.scales.flatMap((scale) => scale.items).find((item) => item.id === id)!.text[locale];
  const reasonOf = async (json: unknown) => {
    const batch = await importBatch(createDataset('Pilot', firstInstrument), [{ kind: 'file', label: 'a.json', content: typeof json === 'string' ? json : JSON.stringify(json) }], { instrument: firstInstrument, lookup: () => undefined });
    return batch.rejected[0]!.reason;
  };

  it('gives the key path of the first problem, and the question an answer belongs to', () => {
    expect(parseResponseFile(withResponse({ answers: { ca1: 6 } }), instrument)).toMatchObject({ ok: false, error: { path: 'response.answers.ca1', item: 'ca1' } });
    expect(parseResponseFile(withResponse({ day: '2026-02-30' }), instrument)).toMatchObject({ ok: false, error: { path: 'response.day' } });
    expect(parseResponseFile(withResponse({ answers: { xx9: 3 } }), instrument)).not.toMatchObject({ error: { item: expect.anything() } });
    expect(parseResponseFile({ ...handWritten, version: '1' }, instrument)).toMatchObject({ ok: false, error: { path: 'version' } });
  });

  it('names the question by its text in Japanese and English, not "its contents are not valid"', async () => {
    const reason = await reasonOf(withResponse({ answers: { ca1: 6 } }));
    const inJapanese = rejectText(dashboardText(ja), reason, [1], question('ja'));
    expect(inJapanese).toContain(`「${question('ja')('ca1')}」`);
    expect(inJapanese).toContain('response.answers.ca1');
    expect(inJapanese).not.toBe(ja['dashboard.reject.malformed']);
    expect(rejectText(dashboardText(en), reason, [1], question('en'))).toContain(`“${question('en')('ca1')}”`);
    const day = rejectText(dashboardText(ja), await reasonOf(withResponse({ day: 'yesterday' })), [1], question('ja'));
    expect(day).toContain('「response.day」');
  });

  it('answers deep nesting and objects with toString, valueOf, __proto__ or constructor keys with a typed result', async () => {
    const awkward = fc.dictionary(fc.constantFrom('toString', 'valueOf', '__proto__', 'constructor', 'format', 'version', 'response', 'answers', 'sealed'), fc.jsonValue(), { maxKeys: 5 });
    const value = fc.oneof(fc.jsonValue({ depthSize: 'large', maxDepth: 40 }), awkward);
    const placed = fc.oneof(
      value,
      value.map((v) => ({ ...handWritten, response: v })),
      value.map((v) => withResponse({ answers: v })),
      fc.tuple(fc.constantFrom('answers', 'evaluation', 'role', 'day', 'comment', 'cohort'), value).map(([key, v]) => withResponse({ [key]: v })),
      value.map((v) => ({ ...handWritten, instrument: v })),
    );
    await fc.assert(
      fc.asyncProperty(placed, async (json) => {
        const result = parseResponseFile(JSON.parse(JSON.stringify(json) ?? 'null'), instrument);
        expect(typeof result.ok).toBe('boolean');
        const opened = await openResponseFile(JSON.parse(JSON.stringify(json) ?? 'null'), instrument, () => undefined);
        expect(typeof opened.ok).toBe('boolean');
      }),
      { numRuns: 1500 },
    );
    const deep = `{"format":"banso-survey-response","version":1,"instrument":{"id":"banso-career-autonomy","version":1},"response":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(await reasonOf(deep)).toMatchObject({ kind: 'malformed', path: 'response' });
  });
});
