/** Whether this browser is likely to keep what a person saved, and when to ask it to protect the site's storage. */
import { describe, expect, it } from 'vitest';
import {
  ASK_AGAIN_AFTER_DAYS,
  assessDurability,
  isWebKitStorage,
  parseExportTimes,
  parsePersistAnswer,
  shouldAskPersist,
  withExportTime,
  type DurabilityFacts,
} from '../../src/lib/storage/durability.ts';

/** Real user agents, as the browsers send them. */
const UA = {
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  safariIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  chromeIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
  chromeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  edgeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  headlessChromium: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
};

const GB = 1024 ** 3;
const facts = (change: Partial<DurabilityFacts> = {}): DurabilityFacts => ({
  persisted: true,
  quota: 10 * GB,
  usage: 0,
  userAgent: UA.chromeWindows,
  standalone: false,
  privateSignal: false,
  ...change,
});

describe('which browsers follow WebKit’s seven-day rule', () => {
  it.each([
    ['Safari on a Mac', UA.safariMac],
    ['Safari on an iPhone', UA.safariIphone],
    ['Chrome on an iPhone (WebKit underneath)', UA.chromeIphone],
  ])('%s does', (_, ua) => expect(isWebKitStorage(ua)).toBe(true));

  it.each([
    ['Chrome on Windows', UA.chromeWindows],
    ['Edge', UA.edgeWindows],
    ['Chrome on Android', UA.chromeAndroid],
    ['Firefox', UA.firefoxWindows],
    ['headless Chromium (it names Safari too)', UA.headlessChromium],
  ])('%s does not', (_, ua) => expect(isWebKitStorage(ua)).toBe(false));
});

describe('assessing the risk', () => {
  it('is calm for persisted storage in Chrome with room to spare', () => {
    expect(assessDurability(facts())).toEqual({ level: 'safe', reasons: [] });
  });

  it('names unprotected storage when Chrome or Firefox has not persisted it', () => {
    expect(assessDurability(facts({ persisted: false }))).toEqual({ level: 'risk', reasons: ['unprotected'] });
    expect(assessDurability(facts({ persisted: false, userAgent: UA.firefoxWindows }))).toEqual({ level: 'risk', reasons: ['unprotected'] });
  });

  it('treats a browser that cannot say as unprotected', () => {
    expect(assessDurability(facts({ persisted: null }))).toEqual({ level: 'risk', reasons: ['unprotected'] });
  });

  it('warns about Safari’s seven days even when storage is persisted, since persist() does not stop it', () => {
    expect(assessDurability(facts({ userAgent: UA.safariMac }))).toEqual({ level: 'risk', reasons: ['safari'] });
    expect(assessDurability(facts({ userAgent: UA.safariIphone, persisted: false }))).toEqual({ level: 'risk', reasons: ['safari'] });
  });

  it('exempts a home-screen web app from the seven days', () => {
    expect(assessDurability(facts({ userAgent: UA.safariIphone, standalone: true }))).toEqual({ level: 'safe', reasons: [] });
    expect(assessDurability(facts({ userAgent: UA.safariIphone, standalone: true, persisted: false }))).toEqual({ level: 'risk', reasons: ['unprotected'] });
  });

  it('puts a private window first, before Safari’s rule', () => {
    expect(assessDurability(facts({ privateSignal: true, userAgent: UA.safariIphone, persisted: false }))).toEqual({ level: 'risk', reasons: ['private', 'safari'] });
    expect(assessDurability(facts({ privateSignal: true, userAgent: UA.firefoxWindows }))).toEqual({ level: 'risk', reasons: ['private'] });
  });

  it('warns when the site has little room left, from the storage estimate', () => {
    expect(assessDurability(facts({ quota: 60 * 1024 ** 2, usage: 20 * 1024 ** 2 }))).toEqual({ level: 'risk', reasons: ['space'] });
    expect(assessDurability(facts({ quota: 60 * 1024 ** 2, usage: 0 }))).toEqual({ level: 'safe', reasons: [] });
    expect(assessDurability(facts({ quota: null, usage: null }))).toEqual({ level: 'safe', reasons: [] });
  });
});

describe('asking for persistent storage', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

  it('asks once when storage is not persisted and nothing was asked before', () => {
    expect(shouldAskPersist({ persisted: false, privateSignal: false }, null, now)).toBe(true);
  });

  it('does not ask when already persisted, when the browser has no way to ask, or in a private window', () => {
    expect(shouldAskPersist({ persisted: true, privateSignal: false }, null, now)).toBe(false);
    expect(shouldAskPersist({ persisted: null, privateSignal: false }, null, now)).toBe(false);
    expect(shouldAskPersist({ persisted: false, privateSignal: true }, null, now)).toBe(false);
  });

  it(`after a refusal, waits ${ASK_AGAIN_AFTER_DAYS} days before asking again (Firefox shows a prompt)`, () => {
    expect(shouldAskPersist({ persisted: false, privateSignal: false }, { granted: false, at: daysAgo(1) }, now)).toBe(false);
    expect(shouldAskPersist({ persisted: false, privateSignal: false }, { granted: false, at: daysAgo(ASK_AGAIN_AFTER_DAYS) }, now)).toBe(true);
  });

  it('asks again when a grant was taken back', () => {
    expect(shouldAskPersist({ persisted: false, privateSignal: false }, { granted: true, at: daysAgo(1) }, now)).toBe(true);
  });

  it('reads a remembered answer, ignoring anything malformed', () => {
    expect(parsePersistAnswer('{"granted":false,"at":"2026-11-01T00:00:00.000Z"}')).toEqual({ granted: false, at: '2026-11-01T00:00:00.000Z' });
    expect(parsePersistAnswer(null)).toBeNull();
    expect(parsePersistAnswer('{"granted":"no","at":"2026-11-01"}')).toBeNull();
    expect(parsePersistAnswer('{"granted":true,"at":"yesterday"}')).toBeNull();
    expect(parsePersistAnswer('not json')).toBeNull();
  });
});

describe('remembering when things were exported', () => {
  it('records a time per thing and keeps the others', () => {
    const first = withExportTime({}, 'workbook', new Date('2026-11-03T09:00:00Z'));
    const second = withExportTime(first, 'dataset:abc', new Date('2026-11-04T09:00:00Z'));
    expect(second).toEqual({ workbook: '2026-11-03T09:00:00.000Z', 'dataset:abc': '2026-11-04T09:00:00.000Z' });
    expect(parseExportTimes(JSON.stringify(second))).toEqual(second);
  });

  it('drops what is not a time, and survives damaged storage', () => {
    expect(parseExportTimes('{"workbook":"2026-11-03T09:00:00.000Z","survey":42,"exercise:x":"soon"}')).toEqual({ workbook: '2026-11-03T09:00:00.000Z' });
    expect(parseExportTimes('[1,2]')).toEqual({});
    expect(parseExportTimes('{')).toEqual({});
    expect(parseExportTimes(null)).toEqual({});
  });
});
