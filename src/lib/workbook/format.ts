/**
 * The workbook's storage and export format, versioned. Documented for people who write their own tools
 * in the guide "My workbook file"; change it only with a migration in migrations.ts.
 */
import type { Answers } from './answers.ts';

export const WORKBOOK_FORMAT = 'banso-workbook';
/**
 * Version of both a stored exercise record and an exported workbook file.
 * 2: the self-efficacy log's sources became a list (a multiselect field) instead of one choice.
 */
export const WORKBOOK_VERSION = 2;

/** One exercise's answers as kept in the browser. */
export interface ExerciseRecord {
  version: typeof WORKBOOK_VERSION;
  exerciseId: string;
  answers: Answers;
  /** ISO 8601 time of the last change. */
  updatedAt: string;
  /** Increases with every save, so a tab can tell that another tab saved after it loaded. */
  revision: number;
}

/** The file "Export everything" writes and "Import" reads. */
export interface WorkbookFile {
  format: typeof WORKBOOK_FORMAT;
  version: typeof WORKBOOK_VERSION;
  exportedAt: string;
  exercises: Record<string, Omit<ExerciseRecord, 'version'>>;
}
