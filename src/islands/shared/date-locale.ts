/**
 * The locale to write dates and times in on this page. The page's language alone ("en") would give American
 * dates ("Nov 30, 2026") in a kit whose English is British, and an empty locale would follow the browser, not
 * the page.
 */
export function pageDateLocale(): string {
  const lang = document.documentElement.lang;
  return lang === 'en' ? 'en-GB' : lang === 'ja' ? 'ja-JP' : lang;
}
