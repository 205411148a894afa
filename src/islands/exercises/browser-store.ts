/** The workbook store on this browser's localStorage, or a report that storage cannot be used. */
import type { ExerciseField } from '../../schemas/exercise.ts';
import { WorkbookStore } from '../../lib/workbook/store.ts';
import { browserStorage } from '../shared/storage.ts';

export function openBrowserStore(exercises: Record<string, ExerciseField[]>): WorkbookStore {
  return new WorkbookStore(browserStorage(), new Map(Object.entries(exercises)));
}
