/**
 * Completes the survey on its page by clicking, whatever its questions: on each screen the first option of every
 * question is chosen and the last action button (Next, then Finish) pressed, until the report shows.
 * For tests about the report's layout and the page around it; the survey's own tests answer it by keyboard.
 */
import type { Page } from 'playwright-core';

export async function answerWholeSurvey(page: Page, surveyUrl: string): Promise<void> {
  await page.goto(surveyUrl);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('fieldset.bn-choice').first().waitFor();
  for (let screen = 0; screen < 30; screen++) {
    if (await page.locator('.bn-report').count()) {
      await page.locator('.bn-radar canvas').waitFor();
      return;
    }
    const heading = await page.locator('.bn-survey h2').first().textContent();
    for (const group of await page.locator('fieldset.bn-choice').all()) await group.getByRole('radio').first().check();
    await page.locator('.bn-actions button').last().click();
    await page.waitForFunction((previous) => document.querySelector('.bn-report') || document.querySelector('.bn-survey h2')?.textContent !== previous, heading);
  }
  throw new Error(`the survey at ${surveyUrl} did not reach its report after 30 screens`);
}
