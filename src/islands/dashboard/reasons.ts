/** A rejected input's reason in the page's language, from its kind; the library's English detail stays for developers. */
import { fill } from '../../lib/i18n/fill.ts';
import type { RejectReason } from '../../lib/dashboard/import-batch.ts';
import type { DashboardText } from './strings.ts';

/**
 * `question` gives a question's text in the page's language from its id.
 * `versions` are the survey versions this site can read: a response of one of them is told to go into a dataset of
 * its own version; one of a version the site cannot read is told to wait for the site to be updated.
 */
export function rejectText(text: DashboardText, reason: RejectReason, versions: readonly number[] = [], question: (itemId: string) => string = (id) => id): string {
  if (reason.kind === 'other-instrument' && reason.version !== null) {
    const template = versions.includes(reason.version) ? text['reject.other-version'] : text['reject.unknown-version'];
    return fill(template, { version: reason.version, datasetVersion: reason.datasetVersion });
  }
  // A file wrong inside: where, as its key path, and for an answer the question as the page words it.
  if ('path' in reason && reason.path) return fill(text[reason.item ? 'reject.malformedItem' : 'reject.malformedAt'], { path: reason.path, question: reason.item ? question(reason.item) : '' });
  const template = text[`reject.${reason.kind}` as keyof DashboardText] ?? text['reject.malformed'];
  return fill(template, { detail: reason.detail, sessionId: reason.kind === 'other-session' ? reason.sessionId : '' });
}
