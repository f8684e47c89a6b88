// Follows the Teams theme (default, dark, contrast) via @microsoft/teams-js. Outside Teams the
// page keeps the default theme; "?theme=dark" (or default, contrast) forces a theme.

export const THEMES = ['default', 'dark', 'contrast'];
/** How long to wait for Teams before treating the page as a plain web page. */
export const TEAMS_TIMEOUT_MS = 1500;
const TEAMS_JS_URL = '/tab/teams-js.js';

export function applyTheme(doc, theme) {
  doc.documentElement.dataset.theme = THEMES.includes(theme) ? theme : 'default';
}

/** Loads the teams-js browser bundle (served by our server), which defines `microsoftTeams`. */
function loadTeamsJs(win) {
  if (win.microsoftTeams) return Promise.resolve(win.microsoftTeams);
  return new Promise((resolve, reject) => {
    const script = win.document.createElement('script');
    script.src = TEAMS_JS_URL;
    script.onload = () => (win.microsoftTeams ? resolve(win.microsoftTeams) : reject(new Error('teams-js missing')));
    script.onerror = () => reject(new Error('teams-js could not be loaded'));
    win.document.head.append(script);
  });
}

function withTimeout(promise, ms) {
  return Promise.race([
    promise,
    new Promise((_resolve, reject) => setTimeout(() => reject(new Error('timeout')), ms)),
  ]);
}

/**
 * Applies the forced or Teams theme and keeps following Teams' theme changes. Resolves with
 * where the page runs: 'teams' or 'browser'. Never rejects.
 */
export async function initTheme(win) {
  const forced = new URLSearchParams(win.location.search).get('theme');
  const isForced = THEMES.includes(forced);
  applyTheme(win.document, isForced ? forced : 'default');
  // Teams shows tabs in a frame (web, desktop) or a native web view (mobile). Anywhere else
  // teams-js is not loaded at all: it would only wait for a host that never answers.
  if (win.parent === win && !win.nativeInterface) return 'browser';
  try {
    const teams = await loadTeamsJs(win);
    await withTimeout(teams.app.initialize(), TEAMS_TIMEOUT_MS);
    const context = await withTimeout(teams.app.getContext(), TEAMS_TIMEOUT_MS);
    if (!isForced) {
      applyTheme(win.document, context?.app?.theme);
      teams.app.registerOnThemeChangeHandler((theme) => applyTheme(win.document, theme));
    }
    win.document.documentElement.lang = 'de';
    return 'teams';
  } catch {
    return 'browser';
  }
}
