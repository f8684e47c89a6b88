/** The LaKI-Assistent's Teams bot: the Application factory, its adapter and extension points. */
export { createApp } from './app';
export type { AppDeps } from './app';
export { createAdapter, AdapterErrors } from './adapter';
export type { AdapterCredentials } from './adapter';
export { createErrorHandler } from './errors';
export type { AppExtension, CardActionProviders } from './extensions';
export { AppTurnState } from './state';
