/**
 * The projector window in the browser: shows the screen run mode names, counts down from the time the block
 * ends (so a late or missed message never makes it drift), and draws the QR code of the page participants open,
 * in this browser. Listens on a BroadcastChannel and, where that is missing, to localStorage's storage event;
 * the last message in localStorage lets a reloaded window pick up where it was.
 */
import { AUDIENCE_CHANNEL, AUDIENCE_STORAGE_KEY, audienceRemaining, formatCountdown, readAudienceMessage, type AudienceMessage } from '../lib/session/audience.ts';
import { levelOf } from '../lib/session/run-state.ts';
import { fill } from '../lib/i18n/fill.ts';
import { linkFingerprint } from '../lib/survey/fingerprint.ts';
import { readPageData } from '../lib/page/page-data.ts';

const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

export function startAudience(): void {
  const text = readPageData<{ joinExercise: string; joinSurvey: string; backAt: string; fingerprint: string }>('bn-audience-text');
  const session = new URLSearchParams(location.hash.slice(1)).get('session');
  // A different session's link pasted into this window's address bar changes only the hash: follow that session.
  window.addEventListener('hashchange', () => location.reload());
  let current: AudienceMessage | null = null;
  let drawnQr = '';

  function show(message: AudienceMessage | null) {
    if (!message || (session && message.planId !== session)) return;
    current = message;
    const screens = [...document.querySelectorAll<HTMLElement>('[data-audience-screen]')];
    const wanted = message.screen.startsWith('break') ? 'break' : message.screen;
    const target = screens.find((screen) => screen.dataset.audienceScreen === wanted) ?? screens.find((screen) => screen.dataset.audienceScreen === 'waiting')!;
    for (const screen of screens) screen.hidden = screen !== target;
    $('[data-audience-timer]').hidden = !message.timer || message.screen === 'waiting';
    // A break says when the session starts again, as a clock time people can check on their phones.
    const endsAt = message.timer?.endsAt;
    $('[data-audience-back-at]').textContent = target.hasAttribute('data-break') && endsAt ? fill(text.backAt, { time: new Date(endsAt).toLocaleTimeString(document.documentElement.lang, { hour: 'numeric', minute: '2-digit' }) }) : '';
    void showJoin(message.join);
    tick();
  }

  async function showJoin(join: AudienceMessage['join']) {
    const figure = $('[data-audience-join]');
    figure.hidden = !join;
    if (!join || drawnQr === join.url) return;
    drawnQr = join.url;
    // The QR generator loads only when a block has something to open.
    const { renderSVG } = await import('uqr');
    if (drawnQr !== join.url) return;
    $('[data-audience-qr]').innerHTML = renderSVG(join.url, { border: 2, ecc: 'M' });
    $('[data-audience-join-label]').textContent = join.kind === 'survey' ? text.joinSurvey : text.joinExercise;
    $('[data-audience-link]').textContent = join.url.replace(/^https?:\/\//, '');
    // A session link's key fingerprint, for participants to compare with the one their survey shows.
    const fingerprint = join.kind === 'survey' ? await linkFingerprint(join.url) : undefined;
    if (drawnQr === join.url) $('[data-audience-fingerprint]').textContent = fingerprint ? fill(text.fingerprint, { fingerprint }) : '';
  }

  function tick() {
    const timer = current?.timer;
    if (!timer) return;
    const remaining = audienceRemaining(timer, Date.now());
    $('[data-audience-time]').textContent = formatCountdown(remaining);
    $('main').dataset.level = levelOf(remaining, timer.durationMs);
  }

  try {
    show(readAudienceMessage(JSON.parse(localStorage.getItem(AUDIENCE_STORAGE_KEY) ?? 'null')));
  } catch {
    // Nothing saved yet: the window waits for run mode.
  }
  if ('BroadcastChannel' in window) {
    const channel = new BroadcastChannel(AUDIENCE_CHANNEL);
    channel.addEventListener('message', (event) => show(readAudienceMessage(event.data)));
    channel.postMessage({ kind: 'hello' });
  }
  addEventListener('storage', (event) => {
    if (event.key !== AUDIENCE_STORAGE_KEY || !event.newValue) return;
    try {
      show(readAudienceMessage(JSON.parse(event.newValue)));
    } catch {
      // A half-written value: the next message replaces it.
    }
  });
  $('[data-audience-fullscreen]').addEventListener('click', () => void document.documentElement.requestFullscreen?.().catch(() => {}));
  setInterval(tick, 250);
}
