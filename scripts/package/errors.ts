/**
 * Every message the packager prints, in one place so tests can assert them and an operator
 * reads the same wording everywhere. Messages name the file (and variable, field or pixel)
 * so a problem can be fixed without reading the packager.
 */

/** Thrown by the packager; `problems` holds one line per problem, all found in one run. */
export class PackageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `The app package was not built (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    );
    this.name = 'PackageError';
  }
}

/** Message factories; each returns one problem line. */
export const PackageMessages = {
  invalidEnvName: (name: string) =>
    `Invalid environment name "${name}": use letters, digits, "-" and "_" only (e.g. local, dev, prod).`,
  envFileNotFound: (file: string) =>
    `Environment file ${file} not found. Create it with the variables the manifest uses (see manifest/README.md).`,
  fileNotFound: (file: string) => `${file}: file not found.`,
  invalidJson: (file: string, reason: string) => `${file}: not valid JSON (${reason}).`,
  missingVariable: (name: string, envFile: string, usedIn: readonly string[]) =>
    `Variable ${name} is not set in ${envFile} (used as \${{${name}}} in ${usedIn.join(', ')}).`,
  malformedPlaceholder: (file: string, path: string, text: string) =>
    `${file}: malformed placeholder in ${path}: "${text}" (expected \${{NAME}} with letters, digits and "_").`,
  schemaMissing: (file: string) => `${file}: "$schema" is missing; set it to the Teams schema URL of the manifest version.`,
  schemaNotOffline: (file: string, url: string, shipped: readonly string[]) =>
    `${file}: schema ${url} is not shipped offline by @microsoft/app-manifest (offline: teams ${shipped.join(', ')}).`,
  schemaViolation: (file: string, error: string) => `${file}: schema violation: ${error}`,
  localizationSchemaMismatch: (file: string, actual: string, expected: string) =>
    `${file}: "$schema" is ${actual}, expected ${expected} (the localization schema of the manifest's version).`,
  localizationKeyUnknown: (file: string, key: string) =>
    `${file}: key "${key}" does not match a string in manifest.json.`,
  iconMissing: (file: string) => `${file}: icon file not found.`,
  iconNotPng: (file: string, reason: string) => `${file}: not a readable PNG (${reason}).`,
  iconWrongSize: (file: string, width: number, height: number, expected: number) =>
    `${file}: icon is ${width}×${height} pixels, expected ${expected}×${expected}.`,
  outlineNotWhite: (file: string, count: number, x: number, y: number) =>
    `${file}: outline icon must be white on transparent, but ${count} visible pixel${count === 1 ? ' is' : 's are'} not white (first at x=${x}, y=${y}).`,
  domainNotValid: (field: string, url: string, validDomains: readonly string[]) =>
    `manifest.json: ${field} ${url} is not on a domain listed in validDomains (${validDomains.join(', ') || 'none'}).`,
  invalidUrl: (field: string, url: string) => `manifest.json: ${field} is not a valid URL: "${url}".`,
} as const;
