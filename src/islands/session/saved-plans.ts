/**
 * Plans kept in this browser (localStorage): the link fragment and its title, newest first. A plan holds no
 * personal data, so it is kept without asking; a full or refused storage only means it is not kept.
 */
import type { SessionPlan } from '../../lib/session/plan.ts';

const KEY = 'banso-saved-plans';
const MAX_SAVED = 20;

export interface SavedPlan {
  title: string;
  fragment: string;
  /** ISO 8601. */
  savedAt: string;
}

export function readSavedPlans(): SavedPlan[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((entry): entry is SavedPlan => typeof entry?.fragment === 'string' && typeof entry?.title === 'string' && typeof entry?.savedAt === 'string') : [];
  } catch {
    return [];
  }
}

/** Keeps the plan (replacing an entry of the same title); false when the browser refuses to store it. */
export function savePlan(plan: SessionPlan, fragment: string, now = new Date()): boolean {
  const others = readSavedPlans().filter((entry) => entry.title !== plan.title && entry.fragment !== fragment);
  try {
    localStorage.setItem(KEY, JSON.stringify([{ title: plan.title, fragment, savedAt: now.toISOString() }, ...others].slice(0, MAX_SAVED)));
    return true;
  } catch {
    return false;
  }
}

export function removeSavedPlan(fragment: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(readSavedPlans().filter((entry) => entry.fragment !== fragment)));
  } catch {
    // Nothing to undo: the list stays as it was.
  }
}
