/** The Teams app packager: importable functions behind `scripts/package.ts`. */
export { buildAppPackage, defaultBuildOptions, MANIFEST_FILE, type BuildOptions, type BuildResult } from './build';
export { PackageError, PackageMessages } from './errors';
export { envFilePath, readEnvFile } from './env';
export { fillPlaceholders, type FillResult } from './placeholders';
export { checkColorIcon, checkOutlineIcon, ICON_SIZES } from './icons';
export { loadOfflineSchema, localizationSchemaUrl, shippedSchemaVersions, validateAgainst } from './schema';
export { domainProblems, localizationKeyProblems } from './checks';
