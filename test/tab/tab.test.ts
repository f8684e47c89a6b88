/**
 * The personal tab "Wissensbasis" in headless Chromium (Debian /usr/bin/chromium driven by
 * playwright-core) against the real server on a free port: search, results, opening an entry,
 * keyboard-only use, safe Markdown, the three themes with their contrast, and screenshots in
 * test-artifacts/ for people to look at.
 *
 * Skipped only when Chromium is absent outside CI; in CI (process.env.CI set) it always runs.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { FRAME_ANCESTORS } from '../../src/server';
import { startTestServer, type TestServer } from '../helpers/server';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'tab');
const runBrowser = existsSync(CHROMIUM) || !!process.env.CI;
if (!runBrowser) {
  // eslint-disable-next-line no-console
  console.warn(`Skipping the tab browser tests: ${CHROMIUM} is missing (install it with apt-get install -y chromium).`);
}
const describeBrowser = runBrowser ? describe : describe.skip;

jest.setTimeout(60_000);

let service: TestServer;
let browser: Browser;

beforeAll(async () => {
  service = await startTestServer();
  if (!runBrowser) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

/** Opens the tab in a fresh page; collects script errors and failed requests. */
async function openTab(path = '/tab'): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('.map')) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${service.url}${path}`);
  // The theme is settled once teams-js gave up (outside Teams, after at most ~1.5 s).
  await page.waitForFunction(() => document.documentElement.dataset.host !== undefined, undefined, { timeout: 10_000 });
  return { page, problems };
}

async function search(page: Page, question: string): Promise<void> {
  await page.getByLabel('Frage oder Stichwort').fill(question);
  await page.getByLabel('Frage oder Stichwort').press('Enter');
  await page.getByRole('heading', { level: 2, name: `Suche: „${question}“` }).waitFor();
}

/**
 * A stand-in for the Teams client: frames /tab (same origin, which teams-js accepts) and answers
 * teams-js' postMessage protocol: `initialize`, `getContext` (theme "dark"), and pushes
 * `themeChange` events on request.
 */
const TEAMS_HOST_HTML = `<!doctype html><html><head><title>Teams host</title></head><body>
<iframe id="tab" title="Wissensbasis" src="/tab" style="width:860px;height:700px;border:0"></iframe>
<script>
const frame = document.getElementById('tab');
const runtime = { apiVersion: 4, supports: { appInstallDialog: {}, pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} }, teamsCore: {} } };
window.requests = [];
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  const message = event.data;
  if (!message || typeof message.func !== 'string') return;
  window.requests.push(message.func);
  const reply = (args) => frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, location.origin);
  if (message.func === 'initialize') reply(['content', 'web', JSON.stringify(runtime), '2.0.0']);
  if (message.func === 'getContext') reply([{ theme: 'dark', locale: 'de-de', entityId: 'wissensbasis', frameContext: 'content', hostClientType: 'web' }]);
});
window.sendTheme = (theme) => frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, location.origin);
</script></body></html>`;

describe('tab HTTP responses', () => {
  it('should serve the page with a CSP that lets Teams frame it, nosniff and no inline scripts', async () => {
    const response = await fetch(`${service.url}/tab`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`frame-ancestors ${FRAME_ANCESTORS.join(' ')}`);
    for (const host of ['teams.microsoft.com', '*.teams.microsoft.com', '*.office.com', '*.cloud.microsoft']) {
      expect(csp).toContain(host);
    }
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBeNull();
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it.each([
    ['/tab/tab.js', 'text/javascript; charset=utf-8'],
    ['/tab/tab.css', 'text/css; charset=utf-8'],
    ['/tab/teams-js.js', 'text/javascript; charset=utf-8'],
  ])('should serve %s with its type and the same safe headers', async (path, type) => {
    const response = await fetch(`${service.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await response.text()).length).toBeGreaterThan(100);
  });

  it('should serve teams-js as the browser bundle that defines window.microsoftTeams', async () => {
    const text = await (await fetch(`${service.url}/tab/teams-js.js`)).text();
    expect(text).toContain('microsoftTeams');
  });

  it.each(['/tab/../package.json', '/tab/%2e%2e%2fpackage.json', '/tab/server.ts', '/tab/index.html'])(
    'should answer 404 JSON for %s',
    async (path) => {
      const response = await fetch(`${service.url}${path}`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('route_not_found');
    },
  );

  it('should list the catalog at /api/entries with every entry once, action areas first', async () => {
    const response = await fetch(`${service.url}/api/entries`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { categories: Array<{ id: string; kind: string; label: string; entries: Array<{ id: string }> }> };
    const ids = body.categories.flatMap((category) => category.entries.map((entry) => entry.id));
    const expected = service.knowledge.current().entries.map((entry) => entry.id);
    expect([...ids].sort()).toEqual([...expected].sort());
    expect(body.categories[0].kind).toBe('action-area');
    expect(body.categories.find((category) => category.id === 'kontakt')?.kind).toBe('contact');
  });

  it('should answer an unknown entry of the tab API with a 404 JSON reason', async () => {
    const response = await fetch(`${service.url}/tab/api/entries/gibt-es-nicht`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('entry_not_found');
  });
});

describeBrowser('tab in headless Chromium', () => {
  it('should work as a plain page outside Teams with the default theme and no errors', async () => {
    const { page, problems } = await openTab();
    await page.getByRole('heading', { level: 3, name: 'Handlungsfelder' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.host)).toBe('browser');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('default');
    await expect(page.getByRole('link', { name: /Frühe Bildung/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Telefonnummer der LaKI' }).count()).resolves.toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('search').count()).toBe(1);
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.locator('[aria-live="polite"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'overview-light.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('should take the theme from Teams and follow theme changes when framed by a Teams host', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 760 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    // teams-js asks Microsoft's CDN for its host origin list; there is no internet here.
    await page.route('https://res.cdn.office.net/**', (route) => route.abort());
    const hostUrl = `${service.url}/teams-host-for-test.html`;
    await page.route(hostUrl, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: TEAMS_HOST_HTML }));
    await page.goto(hostUrl);
    const tab = page.frameLocator('#tab');
    await tab.getByRole('heading', { level: 3, name: 'Handlungsfelder' }).waitFor();
    const frame = page.frames().find((candidate) => candidate.url().endsWith('/tab'));
    if (!frame) throw new Error('The tab frame did not load');
    await frame.waitForFunction(() => document.documentElement.dataset.host === 'teams', undefined, { timeout: 10_000 });
    expect(await frame.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => (window as unknown as { requests: string[] }).requests)).toEqual(
      expect.arrayContaining(['initialize', 'getContext']),
    );

    await page.evaluate(() => (window as unknown as { sendTheme(theme: string): void }).sendTheme('contrast'));
    await frame.waitForFunction(() => document.documentElement.dataset.theme === 'contrast');
    await page.screenshot({ path: join(ARTIFACTS, 'teams-host-contrast.png') });
    await page.evaluate(() => (window as unknown as { sendTheme(theme: string): void }).sendTheme('default'));
    await frame.waitForFunction(() => document.documentElement.dataset.theme === 'default');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('should search, show the answer, open it and show contact links, source and review date', async () => {
    const { page, problems } = await openTab();
    await search(page, 'Telefonnummer LaKI');
    await page.getByRole('heading', { level: 3, name: 'Passende Antwort' }).waitFor();
    await page.getByRole('status').filter({ hasText: '1 Treffer gefunden.' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'search-light.png'), fullPage: true });
    await page.getByRole('link', { name: /Telefonnummer der LaKI/ }).click();

    await page.getByRole('heading', { level: 2, name: 'Telefonnummer der LaKI' }).waitFor();
    const phone = page.getByRole('link', { name: '02931 82 5215' });
    expect(await phone.getAttribute('href')).toBe('tel:+492931825215');
    expect(await page.locator('.answer strong').first().textContent()).toContain('Landesweite Koordinierungsstelle');
    expect(await page.locator('.source').textContent()).toMatch(/Quelle: LaKI-Faltblatt, Abschnitt Kontakt · Geprüft am: \d{2}\.\d{2}\.\d{4}/);
    await page.getByRole('heading', { level: 3, name: 'Verwandte Themen' }).waitFor();
    expect(await page.title()).toBe('Telefonnummer der LaKI – Wissensbasis – LaKI-Assistent');
    await page.screenshot({ path: join(ARTIFACTS, 'entry-light.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('should show "Meinten Sie …" suggestions as links for an ambiguous search', async () => {
    const { page } = await openTab();
    await search(page, 'Fortbildung');
    await page.getByRole('heading', { level: 3, name: 'Meinten Sie …' }).waitFor();
    const links = page.locator('.results a');
    await page.screenshot({ path: join(ARTIFACTS, 'suggest-light.png'), fullPage: true });
    expect(await links.count()).toBeGreaterThanOrEqual(2);
    const first = links.first();
    const title = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
    await page.close();
  });

  it('should say so, and point to the chat and the contact, when nothing matches', async () => {
    const { page } = await openTab();
    await search(page, 'Wetter morgen in Paris');
    await page.getByText('Dazu gibt es in der Wissensbasis keine passende Antwort.').waitFor();
    await page.getByRole('status').filter({ hasText: 'Keine Treffer.' }).waitFor();
    await page.getByRole('link', { name: 'Kontakt zur LaKI anzeigen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kontakt zur LaKI' }).waitFor();
    await page.close();
  });

  it('should list the topics near a declined search as links, below the honest no-answer', async () => {
    const { page, problems } = await openTab();
    await search(page, 'Wie hoch ist die Förderung der LaKI?');
    await page.getByText('Dazu gibt es in der Wissensbasis keine passende Antwort.').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Ähnliche Themen' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Keine Treffer.' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'nearby-light.png'), fullPage: true });
    await page.locator('.results.none').getByRole('link', { name: 'Wer fördert die LaKI?' }).click();
    await page.getByRole('heading', { level: 2, name: 'Wer fördert die LaKI?' }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('should empty the search box when leaving the search for an entry or the overview', async () => {
    const { page } = await openTab();
    const box = page.getByLabel('Frage oder Stichwort');
    await search(page, 'Telefonnummer LaKI');
    expect(await box.inputValue()).toBe('Telefonnummer LaKI');
    await page.getByRole('link', { name: /Telefonnummer der LaKI/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Telefonnummer der LaKI' }).waitFor();
    expect(await box.inputValue()).toBe('');

    // Back to the results: the box shows their term again; on to the overview: empty.
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: 'Suche: „Telefonnummer LaKI“' }).waitFor();
    expect(await box.inputValue()).toBe('Telefonnummer LaKI');
    await page.getByRole('link', { name: 'Zurück zur Übersicht' }).click();
    await page.getByRole('heading', { level: 3, name: 'Handlungsfelder' }).waitFor();
    expect(await box.inputValue()).toBe('');
    await page.close();
  });

  it('should not promise forwarding to the LaKI when escalation is off', async () => {
    const { page } = await openTab();
    await search(page, 'Wetter morgen in Paris');
    await page.getByText('Dazu gibt es in der Wissensbasis keine passende Antwort.').waitFor();
    await page.getByText('wenden Sie sich direkt an die LaKI').waitFor();
    expect(await page.locator('body').textContent()).not.toContain('weiter');
    await page.close();
  });

  it('should say that the chat forwards questions when escalation is configured', async () => {
    const forwarding = await startTestServer({ forwarding: true });
    const page = await browser.newPage();
    try {
      expect((await (await fetch(`${forwarding.url}/api/entries`)).json()).forwarding).toBe(true);
      await page.goto(`${forwarding.url}/tab#/suche/${encodeURIComponent('Wetter morgen in Paris')}`);
      await page.locator('.results.none').getByText('Er leitet sie bei Bedarf an die LaKI weiter.').waitFor();
      expect(await page.locator('#footer-hint').textContent()).toContain('an die LaKI weiter');
    } finally {
      await page.close();
      await forwarding.close();
    }
  });

  it('should browse an action area and the contacts', async () => {
    const { page } = await openTab();
    await page.getByRole('link', { name: /Frühe Bildung/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Frühe Bildung' }).waitFor();
    await page.getByRole('link', { name: 'Das Programm Rucksack-Kita' }).click();
    await page.getByRole('heading', { level: 2, name: 'Das Programm Rucksack-Kita' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: 'Frühe Bildung' }).waitFor();
    await page.getByRole('link', { name: 'Zurück zur Übersicht' }).click();
    await page.getByRole('link', { name: 'E-Mail-Adresse der LaKI' }).click();
    const mail = page.locator('.facts a[href^="mailto:"]');
    // The entry view renders after its fetch: wait for it before counting (counting at once was flaky).
    await mail.first().waitFor();
    expect(await mail.count()).toBe(1);
    await page.close();
  });

  it('should be usable with the keyboard alone, with a visible focus', async () => {
    const { page } = await openTab();
    await page.getByRole('heading', { level: 3, name: 'Handlungsfelder' }).waitFor();
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        const style = element ? getComputedStyle(element) : null;
        return {
          tag: element?.tagName,
          text: element?.textContent?.trim() ?? '',
          id: element?.id,
          outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
        };
      });

    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Zum Inhalt springen');
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Wissensbasis');
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('search-input');
    await page.keyboard.type('Rucksack');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Suche: „Rucksack“' }).waitFor();
    expect((await focused()).text).toBe('Suche: „Rucksack“');

    await page.keyboard.press('Tab');
    const result = await focused();
    expect(result.tag).toBe('A');
    expect(result.text).toContain('Das Programm Rucksack-Kita');
    expect(result.outline).toBe('solid 3px');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Das Programm Rucksack-Kita' }).waitFor();
    expect((await focused()).text).toBe('Das Programm Rucksack-Kita');

    // Back to the overview and into an action area, still without a mouse.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect((await focused()).text).toBe('Zurück zur Übersicht');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 3, name: 'Handlungsfelder' }).waitFor();
    let steps = 0;
    while (!(await focused()).text.startsWith('Übergang Schule') && steps++ < 30) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Übergang Schule – Beruf' }).waitFor();
    await page.close();
  });

  it('should render Markdown safely: formatting yes, HTML and script links no', async () => {
    const { page } = await openTab();
    const rendered = await page.evaluate(async () => {
      const { renderMarkdown } = (await import('/tab/markdown.js' as string)) as {
        renderMarkdown(doc: Document, text: string): DocumentFragment;
      };
      const container = document.createElement('div');
      container.append(
        renderMarkdown(
          document,
          '<img src=x onerror="window.pwned=1"> **fett** und [Hier](javascript:window.pwned=1)\n' +
            '- eins\n- [zwei](https://example.org)\n<script>window.pwned=1</script>',
        ),
      );
      document.body.append(container);
      return {
        html: container.innerHTML,
        images: container.querySelectorAll('img, script').length,
        strong: container.querySelector('strong')?.textContent,
        links: Array.from(container.querySelectorAll('a')).map((a) => a.getAttribute('href')),
        items: container.querySelectorAll('ul > li').length,
        pwned: (window as unknown as { pwned?: number }).pwned,
      };
    });
    expect(rendered.images).toBe(0);
    expect(rendered.strong).toBe('fett');
    expect(rendered.links).toEqual(['https://example.org']);
    expect(rendered.items).toBe(2);
    expect(rendered.html).toContain('&lt;img');
    expect(rendered.pwned).toBeUndefined();
    await page.close();
  });

  it.each([
    ['default', 'light', 'rgb(245, 245, 245)'],
    ['dark', 'dark', 'rgb(31, 31, 31)'],
    ['contrast', 'contrast', 'rgb(0, 0, 0)'],
  ])('should apply the %s theme from ?theme= with readable contrast, and save screenshots', async (theme, name, background) => {
    const { page, problems } = await openTab(`/tab?theme=${theme}#/eintrag/laki-telefon`);
    await page.getByRole('heading', { level: 2, name: 'Telefonnummer der LaKI' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(background);

    const ratios = await page.evaluate(() => {
      const rgb = (color: string) => (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
      const luminance = (color: string) => {
        const [r, g, b] = rgb(color).map((value) => {
          const c = value / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a: string, b: string) => {
        const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (light + 0.05) / (dark + 0.05);
      };
      /** The first non-transparent background behind an element. */
      const backgroundOf = (element: Element | null): string => {
        for (let node = element; node; node = node.parentElement) {
          const color = getComputedStyle(node).backgroundColor;
          if (!/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(color)) return color;
        }
        return getComputedStyle(document.documentElement).backgroundColor;
      };
      const selectors = ['.answer p', '.facts dt', '.facts a', '.source', '.back a', '.page-intro', '.search-label', 'button.button', '#search-input', '.page-footer p'];
      return selectors.map((selector) => {
        const element = document.querySelector(selector);
        if (!element) return { selector, ratio: 0 };
        return { selector, ratio: Math.round(ratio(getComputedStyle(element).color, backgroundOf(element)) * 100) / 100 };
      });
    });
    for (const { selector, ratio } of ratios) {
      expect({ selector, ok: ratio >= 4.5, ratio }).toEqual({ selector, ok: true, ratio });
    }
    await page.screenshot({ path: join(ARTIFACTS, `entry-${name}.png`), fullPage: true });
    await page.goto(`${service.url}/tab?theme=${theme}`);
    await page.getByRole('heading', { level: 3, name: 'Handlungsfelder' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, `overview-${name}.png`), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
