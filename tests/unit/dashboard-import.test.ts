import { beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { crc32, encodeResponse, fromBase32, toBase32, type SurveyResponse } from '../../src/lib/survey/response-code.ts';
import { toResponseFile, toSealedResponseFile } from '../../src/lib/survey/response-file-write.ts';
import { type SessionKeys } from '../../src/lib/survey/sealed.ts';
import { createSession } from '../../src/lib/survey/session-link.ts';
import { sealResponse } from '../../src/lib/survey/sealed-handover.ts';
import { exportSessionBackup } from '../../src/lib/survey/session-backup.ts';
import { createDataset, datasetToJson, type Dataset } from '../../src/lib/dashboard/dataset.ts';
import { applyBatch, importBatch, MAX_RESPONSE_FILE_BYTES, pastedCodes, type BatchInput, type BatchOptions } from '../../src/lib/dashboard/import-batch.ts';
import { firstInstrument, REAL_V1_CODE, siteInstrument } from '../support/instrument.ts';

// Version 1 of the survey: its codes and files must keep importing into a dataset of version 1 (v2 is tested below).
const instrument = firstInstrument;
const NOW = new Date('2026-11-25T10:00:00.000Z');

const base: SurveyResponse = {
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
const response = (responseId: string, changes: Partial<SurveyResponse> = {}): SurveyResponse => ({ ...base, responseId, ...changes });

let session: SessionKeys;
let other: SessionKeys;
const held = (...sessions: SessionKeys[]) => (id: string) => sessions.find((s) => s.descriptor.sessionId === id);

beforeAll(async () => {
  session = await createSession({ cohort: 'MGR-2026-11', wave: 'after', instrumentVersion: 1 });
  other = await createSession({ cohort: 'MGR-2026-11', wave: 'after', instrumentVersion: 1 });
});

const options = (changes: Partial<BatchOptions> = {}): BatchOptions => ({ instrument, lookup: held(session), now: NOW, ...changes });
const empty = () => createDataset('Managers 2026', instrument, NOW);
const text = (label: string, code: string): BatchInput => ({ kind: 'text', label, text: code });
const file = (label: string, content: Blob | Uint8Array | string): BatchInput => ({ kind: 'file', label, content });
const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('pasted codes', () => {
  it('makes one input per non-blank line, labelled by its line number', () => {
    const inputs = pastedCodes('BN1AAA\n\n  \r\nBN1BBB\r\n', (line) => `${line}行目`);
    expect(inputs).toEqual([text('1行目', 'BN1AAA'), text('4行目', 'BN1BBB')]);
    expect(pastedCodes('x')[0]!.label).toBe('line 1');
  });
});

describe('importing codes', () => {
  it('accepts plain codes with their origin and import time', async () => {
    const codes = [encodeResponse(response('000000000001')), encodeResponse(response('000000000002', { comment: null }))];
    const result = await importBatch(empty(), pastedCodes(codes.join('\n')), options());
    expect(result.rejected).toEqual([]);
    expect(result.duplicates).toEqual([]);
    expect(result.accepted).toEqual([
      { ...response('000000000001'), source: 'code', importedAt: '2026-11-25T10:00:00.000Z', sessionId: null },
      { ...response('000000000002', { comment: null }), source: 'code', importedAt: '2026-11-25T10:00:00.000Z', sessionId: null },
    ]);
  });

  it('opens sealed codes with the session key and records the session', async () => {
    const sealed = await sealResponse(response('00000000000a'), session.descriptor);
    const result = await importBatch(empty(), [text('scan 1', sealed)], options());
    expect(result.accepted).toEqual([{ ...response('00000000000a'), source: 'sealed-code', importedAt: NOW.toISOString(), sessionId: session.descriptor.sessionId }]);
  });

  it('names the session of a sealed code this browser has no key for', async () => {
    const sealed = await sealResponse(response('00000000000b'), other.descriptor);
    const result = await importBatch(empty(), [text('line 1', sealed)], options());
    expect(result.accepted).toEqual([]);
    expect(result.rejected).toEqual([{ label: 'line 1', reason: { kind: 'other-session', sessionId: other.descriptor.sessionId, detail: expect.stringContaining(other.descriptor.sessionId) } }]);
  });

  it('asks for each session key once, however many codes were sealed to it', async () => {
    const lookup = vi.fn(held(session));
    const codes = await Promise.all(['00000000000c', '00000000000d', '00000000000e'].map((id) => sealResponse(response(id), session.descriptor)));
    const result = await importBatch(empty(), codes.map((code, i) => text(`line ${i + 1}`, code)), options({ lookup }));
    expect(result.accepted).toHaveLength(3);
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('refuses what is not a code, a mistyped code, a newer code and a tampered sealed code, each with its reason', async () => {
    const code = encodeResponse(response('000000000003'));
    const mistyped = code.slice(0, 10) + (code[10] === 'A' ? 'B' : 'A') + code.slice(11);
    const sealed = await sealResponse(response('000000000004'), session.descriptor);
    const envelope = fromBase32(sealed.slice(4))!.slice(0, -4);
    envelope[envelope.length - 1]! ^= 1;
    const withCrc = new Uint8Array(envelope.length + 4);
    withCrc.set(envelope);
    new DataView(withCrc.buffer).setUint32(envelope.length, crc32(envelope));
    const result = await importBatch(
      empty(),
      [text('a', 'hello'), text('b', mistyped), text('c', 'BN2ABCDEFGH'), text('d', `BNX1${toBase32(withCrc)}`), text('e', '   ')],
      options(),
    );
    expect(result.accepted).toEqual([]);
    expect(result.rejected.map(({ label, reason }) => [label, reason.kind])).toEqual([
      ['a', 'not-a-code'],
      ['b', 'mistyped'],
      ['c', 'newer-codec'],
      ['d', 'tampered'],
      ['e', 'empty'],
    ]);
    for (const { reason } of result.rejected) expect(reason.detail).toMatch(/\w/);
  });

  it('refuses a code of another survey version, and one that does not fit this survey', async () => {
    const inputs = [
      text('v2', encodeResponse(response('000000000005', { instrumentVersion: 2 }))),
      text('35 answers', encodeResponse(response('000000000006', { answers: base.answers.slice(1) }))),
      text('answer 7', encodeResponse(response('000000000007', { answers: [7, ...base.answers.slice(1)] }))),
      text('role 3', encodeResponse(response('000000000008', { role: 3 }))),
      text('stage 9', encodeResponse(response('000000000009', { stage: 9 }))),
    ];
    const result = await importBatch(empty(), inputs, options());
    expect(result.rejected).toEqual([
      {
        label: 'v2',
        reason: {
          kind: 'other-instrument',
          version: 2,
          datasetVersion: 1,
          detail: 'it answers version 2 of the survey, but this dataset holds version 1: import it into a dataset of version 2 (answers to different versions are never mixed or compared)',
        },
      },
      { label: '35 answers', reason: { kind: 'malformed', detail: 'it has 35 answers, but version 1 of the survey has 36 questions' } },
      { label: 'answer 7', reason: { kind: 'malformed', detail: 'answer 1 is 7, outside 1–5' } },
      { label: 'role 3', reason: { kind: 'malformed', detail: "its role (3) is not one of the survey's 2 roles" } },
      { label: 'stage 9', reason: { kind: 'malformed', detail: "its career stage (9) is not one of the survey's 4 stages" } },
    ]);
  });

  it('never throws on any text, and accepts or refuses each input exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.string(), fc.constantFrom('BN1', 'BNX1', 'BN1' + 'A'.repeat(40), 'BNX1' + '0'.repeat(120))), { maxLength: 8 }), async (texts) => {
        const result = await importBatch(empty(), texts.map((t, i) => text(`line ${i}`, t)), options());
        expect(result.accepted.length + result.duplicates.length + result.rejected.length).toBe(texts.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe('duplicates', () => {
  it('finds a code pasted twice in one batch, keeping the first', async () => {
    const code = encodeResponse(response('0000000000d1'));
    const result = await importBatch(empty(), pastedCodes(`${code}\n${code}\n${code.toLowerCase()}`), options());
    expect(result.accepted.map((r) => r.responseId)).toEqual(['0000000000d1']);
    expect(result.duplicates).toEqual([
      { label: 'line 2', responseId: '0000000000d1', where: 'batch' },
      { label: 'line 3', responseId: '0000000000d1', where: 'batch' },
    ]);
  });

  it('finds responses already in the dataset, whichever way they came (code, sealed code, file)', async () => {
    const start = empty();
    const dataset = applyBatch(start, await importBatch(start, [text('line 1', encodeResponse(response('0000000000d2')))], options()));
    const again = await importBatch(
      dataset,
      [
        text('plain', encodeResponse(response('0000000000d2'))),
        text('sealed', await sealResponse(response('0000000000d2'), session.descriptor)),
        file('response.json', bytesOf(toResponseFile(response('0000000000d2'), instrument))),
        text('new', encodeResponse(response('0000000000d3'))),
      ],
      options(),
    );
    expect(again.duplicates).toEqual(['plain', 'sealed', 'response.json'].map((label) => ({ label, responseId: '0000000000d2', where: 'dataset' })));
    expect(again.accepted.map((r) => r.responseId)).toEqual(['0000000000d3']);
  });
});

describe('importing files', () => {
  it('reads plain and sealed response files, as a File, as bytes or as text', async () => {
    const plain = toResponseFile(response('0000000000f1', { comment: 'とても長いコメント。'.repeat(30) }), instrument);
    const sealed = await toSealedResponseFile(response('0000000000f2'), instrument, session.descriptor);
    const result = await importBatch(
      empty(),
      [file('a.json', new Blob([JSON.stringify(plain)])), file('b.json', bytesOf(sealed)), file('c.json', JSON.stringify(toResponseFile(response('0000000000f3'), instrument)))],
      options(),
    );
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((r) => [r.responseId, r.source, r.sessionId])).toEqual([
      ['0000000000f1', 'file', null],
      ['0000000000f2', 'sealed-file', session.descriptor.sessionId],
      ['0000000000f3', 'file', null],
    ]);
    // A file carries the whole comment, where a code carries its first 120 bytes.
    expect(result.accepted[0]!.comment).toHaveLength(300);
  });

  it('reads a text file of codes, one per line, labelling each line', async () => {
    const lines = `\r\n${encodeResponse(response('0000000000f4'))}\r\nnot a code\r\n\r\n${await sealResponse(response('0000000000f5'), session.descriptor)}\r\n`;
    const result = await importBatch(empty(), [file('codes.txt', new TextEncoder().encode(`\uFEFF${lines}`))], options({ lineLabel: (name, line) => `${name} ${line}行目` }));
    expect(result.accepted.map((r) => [r.responseId, r.source])).toEqual([
      ['0000000000f4', 'code'],
      ['0000000000f5', 'sealed-code'],
    ]);
    expect(result.rejected).toEqual([{ label: 'codes.txt 3行目', reason: expect.objectContaining({ kind: 'not-a-code' }) }]);
  });

  it('refuses each kind of wrong file with its own reason', async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    const backup = await exportSessionBackup(session.descriptor, session.privateKey);
    const v2 = { ...toResponseFile(response('0000000000f6'), instrument), instrument: { id: instrument.id, version: 2 } };
    const newer = { ...toResponseFile(response('0000000000f7'), instrument), version: 2 };
    const broken = toResponseFile(response('0000000000f8'), instrument) as unknown as { response: Record<string, unknown> };
    broken.response.wave = 'during';
    const inputs = [
      file('garbage.bin', random),
      file('book.xlsx', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0)),
      file('export.csv', 'ID,開始時刻,ca1\r\n1,2026/11/23,4\r\n'),
      file('notes.txt', 'Things to bring: pens'),
      file('other.json', '{"format":"something-else"}'),
      file('broken.json', '{"format": "banso-survey-response", '),
      file('dataset.json', datasetToJson(empty())),
      file('key.json', JSON.stringify(backup)),
      file('v2.json', JSON.stringify(v2)),
      file('newer.json', JSON.stringify(newer)),
      file('invalid.json', JSON.stringify(broken)),
      file('empty.json', new Uint8Array(0)),
      file('sealed-other.json', JSON.stringify(await toSealedResponseFile(response('0000000000f9'), instrument, other.descriptor))),
      file('latin1.txt', Uint8Array.of(0x82, 0x20, 0xff, 0xfe)),
    ];
    const result = await importBatch(empty(), inputs, options());
    expect(result.accepted).toEqual([]);
    expect(Object.fromEntries(result.rejected.map(({ label, reason }) => [label, reason.kind]))).toEqual({
      'garbage.bin': 'not-a-response-file',
      'book.xlsx': 'excel-workbook',
      'export.csv': 'csv-file',
      'notes.txt': 'not-a-response-file',
      'other.json': 'not-a-response-file',
      'broken.json': 'not-a-response-file',
      'dataset.json': 'dataset-backup',
      'key.json': 'session-key-backup',
      'v2.json': 'other-instrument',
      'newer.json': 'newer-format',
      'invalid.json': 'malformed',
      'empty.json': 'empty',
      'sealed-other.json': 'other-session',
      'latin1.txt': 'unreadable-encoding',
    });
    expect(result.rejected.find((r) => r.label === 'invalid.json')!.reason.detail).toContain('response.wave');
  });

  it('refuses a 50 MB file by its size at once, without reading it', async () => {
    const huge = new Blob([new Uint8Array(50 * 1024 * 1024)]);
    const read = vi.spyOn(huge, 'arrayBuffer');
    const started = performance.now();
    const result = await importBatch(empty(), [file('huge.json', huge), text('line 1', encodeResponse(response('0000000000aa')))], options());
    expect(performance.now() - started).toBeLessThan(200);
    expect(read).not.toHaveBeenCalled();
    expect(result.rejected).toEqual([{ label: 'huge.json', reason: { kind: 'too-large', detail: expect.stringContaining('50.0 MB') } }]);
    expect(result.accepted).toHaveLength(1);
    expect(MAX_RESPONSE_FILE_BYTES).toBe(10 * 1024 * 1024);
  });

  it('reports a file the browser can no longer read', async () => {
    const vanished = new Blob(['{}']);
    vanished.arrayBuffer = () => Promise.reject(new DOMException('gone', 'NotReadableError'));
    const result = await importBatch(empty(), [file('gone.json', vanished)], options());
    expect(result.rejected).toEqual([{ label: 'gone.json', reason: { kind: 'unreadable', detail: expect.any(String) } }]);
  });

  it('never throws on any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const result = await importBatch(empty(), [file('x', bytes)], options());
        expect(result.accepted.length + result.rejected.length).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('all or nothing', () => {
  it('changes nothing while checking; applying adds every accepted response at once, in order', async () => {
    const dataset = empty();
    const frozen = structuredClone(dataset);
    const result = await importBatch(dataset, pastedCodes(['0000000000b1', '0000000000b2', '0000000000b3'].map((id) => encodeResponse(response(id))).join('\n') + '\ngarbage'), options());
    expect(dataset).toEqual(frozen);
    const applied = applyBatch(dataset, result);
    expect(dataset).toEqual(frozen);
    expect(applied.responses.map((r) => r.responseId)).toEqual(['0000000000b1', '0000000000b2', '0000000000b3']);
    expect(applied).toMatchObject({ id: dataset.id, name: dataset.name, instrument: { id: 'banso-career-autonomy', version: 1 } });
  });

  it('refuses to apply a batch checked against another dataset, or one the dataset has since gained', async () => {
    const dataset = empty();
    const result = await importBatch(dataset, [text('line 1', encodeResponse(response('0000000000b4')))], options());
    expect(() => applyBatch(empty(), result)).toThrow(RangeError);
    const applied = applyBatch(dataset, result);
    expect(() => applyBatch(applied, result)).toThrow(/already in the dataset/);
  });

  it('stops when cancelled, leaving everything as it was', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(importBatch(empty(), [text('line 1', encodeResponse(response('0000000000b5')))], options({ signal: controller.signal }))).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports progress', async () => {
    const onProgress = vi.fn();
    const inputs = Array.from({ length: 70 }, (_, i) => text(`line ${i + 1}`, encodeResponse(response(i.toString(16).padStart(12, '0')))));
    await importBatch(empty(), inputs, options({ onProgress }));
    expect(onProgress.mock.calls.at(-1)).toEqual([70, 70]);
  });

  it('refuses to import into a dataset of another survey version', async () => {
    const old: Dataset = { ...empty(), instrument: { id: instrument.id, version: 2 } };
    await expect(importBatch(old, [], options())).rejects.toThrow(/version 2.*version 1/);
  });
});

describe('version 2 of the survey, and version 1 beside it', () => {
  const v2 = siteInstrument;
  const itemIds = v2.scales.flatMap((scale) => scale.items.map((item) => item.id));
  const managerOnly = new Set(v2.scales.filter((scale) => scale.roles).flatMap((scale) => scale.items.map((item) => item.id)));
  const v2Options = (changes: Partial<BatchOptions> = {}): BatchOptions => ({ instrument: v2, lookup: held(), now: NOW, ...changes });
  const memberAnswers = itemIds.map((id) => (managerOnly.has(id) ? null : 4));
  const v2Response = (responseId: string, changes: Partial<SurveyResponse> = {}): SurveyResponse => ({ ...base, instrumentVersion: 2, role: 0, responseId, answers: memberAnswers, ...changes });

  it('has manager-only items, so the test below means something', () => {
    expect(managerOnly.size).toBe(4);
    expect(v2.version).toBe(2);
  });

  it('refuses a real version 1 code in a version 2 dataset, saying which version it answers, and imports it into a version 1 dataset', async () => {
    const refused = await importBatch(createDataset('Managers 2027', v2, NOW), [text('old', REAL_V1_CODE)], v2Options());
    expect(refused.accepted).toEqual([]);
    expect(refused.rejected).toEqual([{ label: 'old', reason: expect.objectContaining({ kind: 'other-instrument', version: 1, datasetVersion: 2 }) }]);
    const accepted = await importBatch(createDataset('Managers 2026', firstInstrument, NOW), [text('old', REAL_V1_CODE)], options());
    expect(accepted.rejected).toEqual([]);
    expect(accepted.accepted).toHaveLength(1);
    expect(accepted.accepted[0]).toMatchObject({ instrumentVersion: 1, responseId: '0a1b2c3d4e5f', source: 'code' });
  });

  it('refuses a version 1 response file in a version 2 dataset with the same reason', async () => {
    const v1File = toResponseFile(response('0000000000a1'), firstInstrument);
    const result = await importBatch(createDataset('Managers 2027', v2, NOW), [file('old.json', JSON.stringify(v1File))], v2Options());
    expect(result.rejected).toEqual([{ label: 'old.json', reason: expect.objectContaining({ kind: 'other-instrument', version: 1, datasetVersion: 2 }) }]);
  });

  it('accepts a member without answers to the manager-only items, and a manager with them', async () => {
    const manager = v2Response('0000000000b2', { role: 1, answers: itemIds.map(() => 3) });
    const codes = [encodeResponse(v2Response('0000000000b1')), encodeResponse(manager)];
    const result = await importBatch(createDataset('Managers 2027', v2, NOW), pastedCodes(codes.join('\n')), v2Options());
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((r) => r.responseId)).toEqual(['0000000000b1', '0000000000b2']);
  });

  it('refuses a member who answers items asked of managers only, naming the item', async () => {
    const answers = itemIds.map(() => 3);
    const result = await importBatch(createDataset('Managers 2027', v2, NOW), [text('member', encodeResponse(v2Response('0000000000c1', { answers })))], v2Options());
    expect(result.rejected).toEqual([{ label: 'member', reason: { kind: 'malformed', detail: 'it answers item mp1, which is asked only of manager, but its role is member' } }]);
  });
});

describe('one response as a code and as its file (issue 15)', () => {
  const long = 'ワークショップで学んだことを、来月の1on1で上司と話してみます。'.repeat(6); // far more than a code's 120 bytes
  const full = response('0000000000f1', { comment: long });
  const codeInput = () => text('code', encodeResponse(full));
  const fileInput = () => file('response.json', bytesOf(toResponseFile(full, instrument)));

  it('keeps the file’s full comment when the code came first in the same batch', async () => {
    const result = await importBatch(empty(), [codeInput(), fileInput()], options());
    expect(result.accepted).toHaveLength(1);
    expect(result.accepted[0]).toMatchObject({ comment: long, source: 'file' });
    expect(result.duplicates).toEqual([{ label: 'response.json', responseId: '0000000000f1', where: 'batch' }]);
  });

  it('replaces the code’s shortened comment with the file’s when the code was imported earlier, without changing the count', async () => {
    const start = empty();
    const withCode = applyBatch(start, await importBatch(start, [codeInput()], options()));
    expect(withCode.responses[0]!.comment!.length).toBeLessThan(long.length);
    const batch = await importBatch(withCode, [fileInput()], options());
    expect(batch.duplicates).toHaveLength(1);
    const after = applyBatch(withCode, batch);
    expect(after.responses).toHaveLength(1);
    expect(after.responses[0]).toMatchObject({ responseId: '0000000000f1', comment: long, source: 'file' });
  });

  it('keeps the file’s comment when the code comes after it, in any order', async () => {
    const start = empty();
    const withFile = applyBatch(start, await importBatch(start, [fileInput()], options()));
    const after = applyBatch(withFile, await importBatch(withFile, [codeInput()], options()));
    expect(after.responses).toHaveLength(1);
    expect(after.responses[0]!.comment).toBe(long);
    const both = await importBatch(empty(), [fileInput(), codeInput()], options());
    expect(both.accepted.map((r) => r.comment)).toEqual([long]);
  });
});
