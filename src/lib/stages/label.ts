/** How a career stage of content/stages.yaml is named wherever a person picks or reads one. */

export interface StageNaming {
  id: string;
  name: { ja: string; en: string };
  band: { ja: string; en: string };
}

/** "入社初期（入社1〜3年目ごろ）" / "First years at work (about years 1–3 at work)": the name, then the band the organisation uses. */
export function stageLabel(stage: StageNaming, locale: 'ja' | 'en'): string {
  if (locale === 'ja') return `${stage.name.ja}（${stage.band.ja}）`;
  const band = stage.band.en;
  // A band that starts a sentence ("About years 1–3") reads mid-sentence in brackets; a proper noun would keep its capital, so only "About…"/"After…"-style openings are lowered.
  const inBrackets = /^[A-Z][a-z]/.test(band) && !/^[A-Z][a-z]*[A-Z]/.test(band) ? band.charAt(0).toLowerCase() + band.slice(1) : band;
  return `${stage.name.en} (${inBrackets})`;
}

/** Both languages at once, as the survey instrument's choice labels are written. */
export function stageLabels(stage: StageNaming): { ja: string; en: string } {
  return { ja: stageLabel(stage, 'ja'), en: stageLabel(stage, 'en') };
}
