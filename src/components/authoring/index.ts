/**
 * The components MDX content may use without importing them. Participant pages swap the
 * facilitator-only ones for Nothing, so their text never reaches a participant's HTML.
 */
import Agenda from './Agenda.astro';
import Blank from './Blank.astro';
import Block from './Block.astro';
import DiscussionPrompt from './DiscussionPrompt.astro';
import ExerciseEmbed from './ExerciseEmbed.astro';
import FacilitatorNote from './FacilitatorNote.astro';
import Handout from './Handout.astro';
import KeyPoints from './KeyPoints.astro';
import Nothing from './Nothing.astro';
import Objectives from './Objectives.astro';
import ScrollTable from './ScrollTable.astro';
import Signature from './Signature.astro';
import SiteLink from './SiteLink.astro';
import StageQuestions from './StageQuestions.astro';
import TalkScript from './TalkScript.astro';

/** Markdown tables become ScrollTable, so a wide one scrolls in its own region on a phone instead of widening the page. */
export const facilitatorComponents = { Agenda, Block, DiscussionPrompt, ExerciseEmbed, FacilitatorNote, Handout, KeyPoints, Objectives, SiteLink, StageQuestions, TalkScript, table: ScrollTable };

export const participantComponents = { ...facilitatorComponents, FacilitatorNote: Nothing, TalkScript: Nothing };

/** Programme documents (content/programme/): the facilitator components plus the values to fill in and the lines to sign. */
export const programmeComponents = { ...facilitatorComponents, Blank, Signature };
