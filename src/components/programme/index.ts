/** The components the programme view's MDX (content/programme-view/) may use without importing them. */
import { facilitatorComponents } from '../authoring/index.ts';
import ScrollTable from '../authoring/ScrollTable.astro';
import DocumentLink from './DocumentLink.astro';
import ProgrammeRoles from './ProgrammeRoles.astro';
import ProgrammeTimeline from './ProgrammeTimeline.astro';
import StageInvitations from './StageInvitations.astro';
import WorkshopLink from './WorkshopLink.astro';

export const programmeViewComponents = { ...facilitatorComponents, DocumentLink, ProgrammeRoles, ProgrammeTimeline, StageInvitations, WorkshopLink, table: ScrollTable };
