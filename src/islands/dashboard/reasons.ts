/** A rejected input's reason in the page's language, from its kind; the library's English detail stays for developers. */
import { fill } from '../../lib/i18n/fill.ts';
import type { RejectReason } from '../../lib/dashboard/import-batch.ts';
import type { DashboardText } from './strings.ts';

export function rejectText(text: DashboardText, reason: RejectReason): string {
  const template = text[`reject.${reason.kind}` as keyof DashboardText] ?? text['reject.malformed'];
  return fill(template, { detail: reason.detail, sessionId: reason.kind === 'other-session' ? reason.sessionId : '' });
}
