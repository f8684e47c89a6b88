/**
 * The tab's static files: hand-written ES modules, HTML and CSS in `src/tab/public` (no build
 * step, no bundler) plus the browser bundle of `@microsoft/teams-js` from node_modules. They
 * are read once when the server is built.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A file the tab serves, with its content type. */
export interface TabAsset {
  readonly body: Buffer;
  readonly contentType: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Files under `/tab/`, by the name in the URL. `index.html` is served at `/tab` itself. */
export const PUBLIC_FILES = ['index.html', 'tab.js', 'api.js', 'markdown.js', 'messages.js', 'theme.js', 'tab.css'] as const;

/** The URL name of the teams-js bundle. */
export const TEAMS_JS_NAME = 'teams-js.js';

/**
 * Finds `src/tab/public` both when running from sources (ts-node, jest) and from `dist/`
 * (the compiled module sits in dist/src/tab; the public folder is not compiled).
 */
export function publicDir(): string {
  const candidates = [join(__dirname, 'public'), join(__dirname, '..', '..', '..', 'src', 'tab', 'public')];
  const found = candidates.find((dir) => existsSync(join(dir, 'index.html')));
  if (!found) throw new Error(`Tab files not found; looked in ${candidates.join(', ')}`);
  return found;
}

/** Reads every tab file into memory. Throws at start-up when one is missing. */
export function loadTabAssets(dir = publicDir()): ReadonlyMap<string, TabAsset> {
  const assets = new Map<string, TabAsset>();
  for (const name of PUBLIC_FILES) {
    assets.set(name, { body: readFileSync(join(dir, name)), contentType: TYPES[name.slice(name.lastIndexOf('.'))] });
  }
  // The package's main entry is its minified UMD bundle, which defines `window.microsoftTeams`.
  assets.set(TEAMS_JS_NAME, { body: readFileSync(require.resolve('@microsoft/teams-js')), contentType: TYPES['.js'] });
  return assets;
}
