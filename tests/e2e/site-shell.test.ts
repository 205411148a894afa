import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openWatchedPage, type WatchedPage } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

for (const [label, siteUrl] of [
  ['at the root', inject('rootSiteUrl')],
  ['under /kit/', inject('kitSiteUrl')],
] as const) {
  describe(`site shell ${label}`, () => {
    let watched: WatchedPage;
    beforeAll(async () => {
      watched = await openWatchedPage(browser);
    });
    afterAll(async () => {
      expect(watched.foreignRequests).toEqual([]);
      expect(watched.errors).toEqual([]);
      await watched.context.close();
    });

    it('opens on a Japanese landing page with a visible way into English', async () => {
      const { page } = watched;
      await page.goto(siteUrl);
      expect(await page.getAttribute('html', 'lang')).toBe('ja');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('キャリア自律を、職場とともに');
      await page.getByRole('link', { name: 'Read in English' }).click();
      await page.waitForURL(`${siteUrl}en/`);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Career autonomy, built together with the workplace');
    });

    it('switches language on any page to the same page in the other language', async () => {
      const { page } = watched;
      await page.goto(`${siteUrl}ja/guides/privacy/`);
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL(`${siteUrl}en/guides/privacy/`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('How your answers and notes are handled');
      await page.getByRole('link', { name: '日本語' }).click();
      await page.waitForURL(`${siteUrl}ja/guides/privacy/`);
      expect(await page.getAttribute('html', 'lang')).toBe('ja');
    });

    it('reaches each audience home from the main navigation, marking the current one', async () => {
      const { page } = watched;
      await page.goto(`${siteUrl}ja/`);
      const navigation = page.getByRole('navigation', { name: 'メイン' });
      await navigation.getByRole('link', { name: '導入・運用' }).click();
      await page.waitForURL(`${siteUrl}ja/organisations/`);
      await expect(page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '導入・運用' }).getAttribute('aria-current')).resolves.toBe('page');
      await page.getByRole('link', { name: /社内サーバーへの設置/ }).click();
      await page.waitForURL(`${siteUrl}ja/guides/deployment/`);
    });

    it('lets a keyboard user skip straight to the main content', async () => {
      const { page } = watched;
      await page.goto(`${siteUrl}en/participants/`);
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to main content' });
      await expect(skip.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    });

    it('answers an unknown locale with a 404 page in both languages that leads home', async () => {
      const { page } = watched;
      const response = await page.goto(`${siteUrl}xx/guides/`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: 'ページが見つかりません' }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole('heading', { name: 'Page not found' }).isVisible()).resolves.toBe(true);
      expect(await page.locator('section[lang="en"]').count()).toBe(1);
      await page.getByRole('link', { name: 'Go to the English home page' }).click();
      await page.waitForURL(`${siteUrl}en/`);
    });

    it('answers a missing page inside a locale with the 404 page, styled', async () => {
      const { page } = watched;
      const response = await page.goto(`${siteUrl}ja/no-such-page/`);
      expect(response?.status()).toBe(404);
      // The stylesheet is linked with the base path, so it loads even at this depth.
      const accent = await page.evaluate(() => getComputedStyle(document.querySelector('.bn-button')!).backgroundColor);
      expect(accent).toBe('rgb(29, 92, 135)');
    });
  });
}
