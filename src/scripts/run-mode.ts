/**
 * Run mode in the browser: reads the plan from the link, keeps the day's run state (saved after every action, so
 * a reload or a reopened window carries on), draws the countdown from timestamps, and tells the projector window
 * what to show. Written without a framework: it drives markup the page already has, and with the projector
 * window stays within 50 KB of JavaScript.
 *
 * Only one window controls a session: the first to open it holds a Web Lock; a second one says it is not in
 * control, follows along, and can take control.
 */
import { fill } from '../lib/i18n/fill.ts';
import { problemValues, readPlan, type Catalogue, type PlanProblem, type SessionModule } from '../lib/session/plan.ts';
import { planId as makePlanId, runItems } from '../lib/session/run-items.ts';
import { acceptProposal, advance, back, catchUpProposal, extend, initialRun, isFinished, pacingAt, pause, readRunState, resume, start, timerAt, type RunItem, type RunState } from '../lib/session/run-state.ts';
import { runLogCsv, runLogRows } from '../lib/session/run-log.ts';
import { AUDIENCE_CHANNEL, AUDIENCE_STORAGE_KEY, audienceMessage, formatCountdown, type AudienceMessage } from '../lib/session/audience.ts';
import type { CutProposal } from '../lib/session/schedule.ts';

import { downloadFile } from '../islands/shared/download.ts';
import { readPageData } from '../lib/page/page-data.ts';

interface RunPageData {
  modules: SessionModule[];
  text: Record<string, string>;
  problems: Record<string, string>;
  breakTitle: string;
  audiencePath: string;
}

const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const stateKey = (id: string) => `banso-run:${id}`;
const surveyKey = (id: string) => `banso-run-survey:${id}`;

export function startRunMode(): void {
  const data = readPageData<RunPageData>('bn-run-data');
  const text = data.text;
  const catalogue: Catalogue = new Map(data.modules.map((module) => [module.id, module]));
  // Another plan's or day's link pasted into the address bar changes only the hash, which loads nothing: start
  // again from the new address. This run's progress is already saved (stateKey), so nothing is lost.
  window.addEventListener('hashchange', () => location.reload());
  const params = new URLSearchParams(location.hash.slice(1));
  const dayIndex = Math.max(0, Number(params.get('run-day') ?? '1') - 1);
  params.delete('run-day');
  const read = readPlan(params.toString(), catalogue);
  const day = read?.plan.days[dayIndex];
  if (!read || !day || day.items.length === 0) {
    $('[data-run-empty]').hidden = false;
    return;
  }
  showProblems(read.problems, data, catalogue);
  const items = runItems(day, catalogue, data.breakTitle);
  const id = makePlanId(params.toString(), dayIndex);
  let state: RunState = load(id, items) ?? initialRun(id, items, day.start, day.end);
  // With Web Locks, control starts once the lock is granted; without them (old browsers) every window controls.
  let inControl = !navigator.locks;
  let ignoredLateBy = 0;
  let proposal: CutProposal | null = null;
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel(AUDIENCE_CHANNEL) : null;
  const surveyInput = $<HTMLInputElement>('#bn-run-survey-link');
  surveyInput.value = localStorage.getItem(surveyKey(id)) ?? '';

  // With Web Locks, the console shows once control is settled: whether a catch-up proposal or the "another window
  // is in control" notice appears depends on it, and appearing after the console would move the blocks down.
  if (!navigator.locks) $('[data-run-console]').hidden = false;
  $('[data-run-day]').textContent = [read.plan.title, read.plan.days.length > 1 ? fill(text.dayOf!, { day: dayIndex + 1, days: read.plan.days.length }) : ''].filter(Boolean).join(' · ');

  function save() {
    try {
      localStorage.setItem(stateKey(id), JSON.stringify(state));
    } catch {
      // Storage full or refused: the session runs on; only a reload would lose it.
    }
  }

  /** The participants' page for the current block, as a full URL: the survey (a pasted session link wins) or an exercise. */
  function joinFor(item: RunItem | undefined): AudienceMessage['join'] {
    if (!item?.module || !item.block) return null;
    const join = data.modules.find((module) => module.id === item.module)?.joins[item.block];
    if (!join) return null;
    if (join.kind === 'survey') {
      const pasted = surveyInput.value.trim();
      const surveyUrl = new URL(join.path, location.origin);
      if (pasted) {
        try {
          const link = new URL(pasted);
          if (link.origin === location.origin && link.pathname === surveyUrl.pathname) return { url: link.href, kind: 'survey' };
        } catch {
          // Not a link: the plain survey link below is used.
        }
      }
      if (join.wave) surveyUrl.searchParams.set('wave', join.wave);
      return { url: surveyUrl.href, kind: 'survey' };
    }
    return { url: new URL(join.path, location.origin).href, kind: 'exercise' };
  }

  function broadcast() {
    const message = audienceMessage(id, state, items, Date.now(), joinFor(items[state.current]));
    channel?.postMessage(message);
    try {
      localStorage.setItem(AUDIENCE_STORAGE_KEY, JSON.stringify(message));
    } catch {
      // The channel still carries it.
    }
  }

  function act(change: (now: number) => RunState) {
    if (!inControl) return;
    state = change(Date.now());
    save();
    broadcast();
    render();
  }

  function render() {
    const now = Date.now();
    const reading = timerAt(state, now);
    const item = items[state.current];
    const finished = isFinished(state);
    $('[data-run-title]').textContent = finished ? text.finished! : item!.title;
    $('[data-run-next]').textContent = finished ? '—' : (items[state.current + 1]?.title ?? text.lastBlock!);
    const timer = $('[data-run-timer]');
    timer.textContent = formatCountdown(reading.remainingMs);
    timer.dataset.level = reading.level;
    timer.dataset.phase = reading.phase;
    const { lateBy } = pacingAt(state, items, now);
    const minutes = Math.round(Math.abs(lateBy));
    $('[data-run-pace]').textContent = finished ? '' : minutes === 0 ? text.onTime! : fill(lateBy > 0 ? text.behind! : text.ahead!, { minutes });
    $('[data-action="toggle"]').textContent = reading.phase === 'ready' ? text.start! : reading.phase === 'paused' ? text.resume! : text.pause!;
    for (const section of document.querySelectorAll<HTMLElement>('[data-run-block]')) section.hidden = finished || section.dataset.runBlock !== item!.key;
    for (const button of document.querySelectorAll<HTMLButtonElement>('.bn-run-controls button, [data-run-proposal] button, [data-action="reset"]')) {
      button.disabled = !inControl && button.dataset.action !== 'projector';
    }
    renderProposal(now, lateBy);
    renderLog();
  }

  function renderProposal(now: number, lateBy: number) {
    proposal = inControl && lateBy >= Math.max(1, ignoredLateBy + 5) ? catchUpProposal(state, items, now) : null;
    const panel = $('[data-run-proposal]');
    panel.hidden = proposal === null;
    if (!proposal) return;
    const late = Math.round(lateBy);
    $('[data-run-proposal-text]').textContent = proposal.cuts.length === 0 ? fill(text.proposalNone!, { minutes: late }) : proposal.short > 0 ? fill(text.proposalShort!, { minutes: late, short: proposal.short }) : fill(text.proposal!, { minutes: late });
    const list = $('[data-run-proposal-list]');
    const lines = proposal.cuts.map((cut) => fill(text.proposalCut!, { title: items[cut.index]!.title, from: cut.from, to: cut.to }));
    if (list.dataset.lines !== lines.join('\n')) {
      list.replaceChildren(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
      list.dataset.lines = lines.join('\n');
    }
    $<HTMLButtonElement>('[data-action="accept"]').hidden = proposal.cuts.length === 0;
  }

  let loggedLength = -1;
  function renderLog() {
    if (loggedLength === state.log.length) return;
    loggedLength = state.log.length;
    const outcomes: Record<string, string> = { done: text['outcome.done']!, skipped: text['outcome.skipped']!, 'not-reached': text['outcome.not-reached']! };
    $('[data-run-log]').replaceChildren(
      ...runLogRows(state, items).map((row) => {
        const tr = document.createElement('tr');
        const cells = [row.plannedStart, String(row.plannedMinutes), row.actualStart, row.actualMinutes?.toString() ?? '', row.difference === null ? '' : `${row.difference > 0 ? '+' : ''}${row.difference}`, outcomes[row.outcome]!];
        const th = Object.assign(document.createElement('th'), { scope: 'row', textContent: row.title });
        tr.append(th, ...cells.map((cell) => Object.assign(document.createElement('td'), { textContent: cell })));
        return tr;
      }),
    );
  }

  function exportLog() {
    const columns = [text['col.block']!, text['col.plannedStart']!, text['col.plannedMinutes']!, text['col.actualStart']!, text['col.actualMinutes']!, text['col.difference']!, text['col.outcome']!] as const;
    const csv = runLogCsv(runLogRows(state, items), columns, { done: text['outcome.done']!, skipped: text['outcome.skipped']!, 'not-reached': text['outcome.not-reached']! });
    downloadFile(`banso-session-log-${day!.date ?? new Date().toISOString().slice(0, 10)}.csv`, csv, 'text/csv;charset=utf-8');
  }

  function openProjector() {
    window.open(`${data.audiencePath}#session=${id}`, 'banso-projector', 'popup,width=1280,height=720');
    broadcast();
  }

  const actions: Record<string, () => void> = {
    toggle: () => act((now) => (state.startedAt === null ? start(state, now) : state.pausedAt === null ? pause(state, now) : resume(state, now))),
    extend: () => act(() => extend(state)),
    back: () => act(() => back(state)),
    skip: () => act((now) => advance(state, now, 'skipped')),
    next: () => act((now) => advance(state, now)),
    projector: openProjector,
    accept: () => {
      if (proposal) act(() => acceptProposal(state, proposal!));
    },
    ignore: () => {
      ignoredLateBy = pacingAt(state, items, Date.now()).lateBy;
      render();
    },
    export: exportLog,
    reset: () => {
      if (confirm(text.resetConfirm!)) act(() => initialRun(id, items, day!.start, day!.end));
    },
    'take-control': () => takeControl(true),
  };

  document.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    if (button && !button.disabled) actions[button.dataset.action!]?.();
  });
  document.addEventListener('keydown', (event) => {
    const target = event.target as Element;
    if (event.altKey || event.ctrlKey || event.metaKey || target.closest('input, textarea, select')) return;
    // On a focused button or summary, Space presses it, as everywhere else.
    if (event.key === ' ' && target.closest('button, summary, a')) return;
    const action = { ' ': 'toggle', ArrowRight: 'next', ArrowLeft: 'back', s: 'skip', S: 'skip', '+': 'extend', p: 'projector', P: 'projector' }[event.key];
    if (!action) return;
    event.preventDefault();
    actions[action]!();
  });
  surveyInput.addEventListener('change', () => {
    try {
      localStorage.setItem(surveyKey(id), surveyInput.value.trim());
    } catch {
      // Kept for this visit only.
    }
    broadcast();
  });
  // A projector window that opens (or reloads) asks for the current screen.
  channel?.addEventListener('message', (event: MessageEvent<{ kind?: string }>) => {
    if (event.data?.kind === 'hello' && inControl) broadcast();
  });
  // A window that is not in control follows the one that is.
  addEventListener('storage', (event) => {
    if (event.key !== stateKey(id) || inControl || !event.newValue) return;
    state = readRunState(JSON.parse(event.newValue), id, items.length) ?? state;
    render();
  });

  function takeControl(steal: boolean) {
    if (!navigator.locks) return;
    void navigator.locks.request(`banso-run:${id}`, steal ? { steal: true } : { ifAvailable: true }, (lock) => {
      inControl = lock !== null;
      $('[data-run-control]').hidden = inControl;
      $('[data-run-control-text]').textContent = text.notInControl!;
      if (inControl) state = load(id, items) ?? state;
      render();
      $('[data-run-console]').hidden = false;
      if (inControl) broadcast();
      // Held for as long as this window is open (or until another takes control).
      return inControl ? new Promise<void>(() => {}) : undefined;
    }).catch(() => {
      // Control was taken by another window.
      inControl = false;
      $('[data-run-control]').hidden = false;
      render();
    });
  }
  takeControl(false);

  keepAwake(() => state.startedAt !== null && state.pausedAt === null && !isFinished(state));
  render();
  broadcast();
  setInterval(render, 250);
  // The projector window works out its countdown from the message; a message every few seconds corrects for a
  // window that missed one.
  setInterval(() => inControl && broadcast(), 5000);
}

function load(id: string, items: readonly RunItem[]): RunState | null {
  try {
    return readRunState(JSON.parse(localStorage.getItem(stateKey(id)) ?? 'null'), id, items.length);
  } catch {
    return null;
  }
}

function showProblems(problems: readonly PlanProblem[], data: RunPageData, catalogue: Catalogue) {
  if (problems.length === 0) return;
  const box = $('[data-run-problems]');
  box.hidden = false;
  box.querySelector('ul')!.replaceChildren(
    ...problems.map((problem) => Object.assign(document.createElement('li'), { textContent: fill(data.problems[problem.kind] ?? problem.kind, problemValues(problem, catalogue)) })),
  );
}

/** Keeps the screen on while the clock runs, where the browser allows it (the Screen Wake Lock API). */
function keepAwake(running: () => boolean) {
  let sentinel: WakeLockSentinel | null = null;
  const update = async () => {
    const wanted = running() && document.visibilityState === 'visible';
    if (wanted && !sentinel && navigator.wakeLock) {
      try {
        sentinel = await navigator.wakeLock.request('screen');
        sentinel.addEventListener('release', () => (sentinel = null));
      } catch {
        // Refused (battery saver, say): the screen may dim; the session is not affected.
      }
    } else if (!wanted && sentinel) {
      await sentinel.release();
      sentinel = null;
    }
  };
  document.addEventListener('visibilitychange', () => void update());
  setInterval(() => void update(), 2000);
}
