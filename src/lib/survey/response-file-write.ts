/**
 * Writing a participant's response file, plain or sealed (the survey's hand-over). Apart from response-file.ts,
 * whose reader is the one definition of a valid file, so the dashboard, which only reads, ships none of this.
 */
import { toBase64url } from './base64url.ts';
import type { SurveyResponse } from './response-code.ts';
import { itemsOf, readResponse, RESPONSE_FILE_FORMAT, RESPONSE_FILE_VERSION, type FileInstrument, type ResponseFile, type SealedResponseFile } from './response-file.ts';
import { sessionMismatch, type SessionLink } from './sealed.ts';
import { sealBytes } from './sealed-handover.ts';

/** The file for a response. Throws a RangeError for a response the instrument or the format cannot hold. */
export function toResponseFile(response: SurveyResponse, instrument: FileInstrument): ResponseFile {
  const itemIds = itemsOf(instrument);
  if (response.instrumentVersion !== instrument.version) throw new RangeError(`instrument version: the response answers version ${response.instrumentVersion}, the instrument is version ${instrument.version}`);
  if (response.answers.length !== itemIds.length) throw new RangeError(`answers: one per item (${itemIds.length}), in instrument order`);
  const file: ResponseFile = {
    format: RESPONSE_FILE_FORMAT,
    version: RESPONSE_FILE_VERSION,
    instrument: { id: instrument.id, version: instrument.version },
    response: {
      responseId: response.responseId,
      day: response.day,
      wave: response.wave,
      cohort: response.cohort,
      anonymousCode: response.anonymousCode,
      role: instrument.roles[response.role]?.id ?? '',
      careerStage: response.stage === null ? null : (instrument.careerStages[response.stage]?.id ?? ''),
      answers: Object.fromEntries(itemIds.map((id, at) => [id, response.answers[at] ?? null])),
      evaluation: response.evaluation && { ...response.evaluation },
      comment: response.comment || null,
    },
  };
  // The reader is the one definition of a valid file, so nothing is written that could not be read back.
  const read = readResponse(file.response, instrument);
  if ('problems' in read) throw new RangeError(read.problems[0]);
  return file;
}

/** The sealed file for a response made through a session link. Throws a RangeError as toResponseFile does, or for a response from another session. */
export async function toSealedResponseFile(response: SurveyResponse, instrument: FileInstrument, session: SessionLink): Promise<SealedResponseFile> {
  const mismatch = sessionMismatch(response, session);
  if (mismatch) throw new RangeError(`response: ${mismatch}`);
  const plain = new TextEncoder().encode(JSON.stringify(toResponseFile(response, instrument)));
  const data = toBase64url(await sealBytes(plain, session));
  return { format: RESPONSE_FILE_FORMAT, version: RESPONSE_FILE_VERSION, sealed: { sessionId: session.sessionId, data } };
}
