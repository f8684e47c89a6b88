/**
 * The personal tab "Wissensbasis": its static page (HTML, ES modules, CSS) and the loader that
 * reads it. Its HTTP routes live with the server's (`server/routes/tab.ts`), the catalog it
 * browses with the knowledge (`knowledge/catalog.ts`).
 */
export { loadTabAssets, publicDir, PUBLIC_FILES, TEAMS_JS_NAME } from './assets';
export type { TabAsset } from './assets';
