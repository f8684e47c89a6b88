/**
 * Builds the Teams app package: fills the placeholders of `manifest/` from `env/.env.<name>`,
 * validates everything offline and writes `build/appPackage.<name>.zip`. All problems found in
 * a step are reported together in one {@link PackageError}.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { domainProblems, localizationKeyProblems } from './checks';
import { envFilePath, readEnvFile } from './env';
import { PackageError, PackageMessages } from './errors';
import { checkColorIcon, checkOutlineIcon } from './icons';
import { fillPlaceholders } from './placeholders';
import { loadOfflineSchema, localizationSchemaUrl, shippedSchemaVersions, validateAgainst } from './schema';

/** Name of the manifest inside `manifestDir` and inside the zip. */
export const MANIFEST_FILE = 'manifest.json';

/** Where to read from and write to; every folder can be replaced (tests, CI). */
export interface BuildOptions {
  /** Environment name: selects `env/.env.<envName>` and names the zip. */
  readonly envName: string;
  /** Folder with manifest.json, its localization files and icons. */
  readonly manifestDir: string;
  /** Folder with the `.env.<envName>` files. */
  readonly envDir: string;
  /** Folder the zip is written to (created when missing). */
  readonly outDir: string;
}

/** What was built. */
export interface BuildResult {
  readonly zipPath: string;
  /** File names inside the zip. */
  readonly files: readonly string[];
  /** The filled manifest as packaged. */
  readonly manifest: Record<string, unknown>;
}

interface TeamsManifestShape {
  $schema?: string;
  icons?: { color?: string; outline?: string };
  localizationInfo?: {
    defaultLanguageFile?: string;
    additionalLanguages?: Array<{ file?: string }>;
  };
}

/** Default folders relative to the repository root. */
export function defaultBuildOptions(rootDir: string, envName = 'local'): BuildOptions {
  return {
    envName,
    manifestDir: join(rootDir, 'manifest'),
    envDir: join(rootDir, 'env'),
    outDir: join(rootDir, 'build'),
  };
}

/** Builds and validates the app package; throws {@link PackageError} on any problem. */
export async function buildAppPackage(options: BuildOptions): Promise<BuildResult> {
  const envFile = envFilePath(options.envDir, options.envName);
  const variables = readEnvFile(envFile);

  const rawManifest = readJson(options.manifestDir, MANIFEST_FILE) as TeamsManifestShape;
  const localizationFiles = localizationFilesOf(rawManifest);
  const rawLocalizations = localizationFiles.map((file) => readJson(options.manifestDir, file));

  const documents = [MANIFEST_FILE, ...localizationFiles];
  const fills = [rawManifest, ...rawLocalizations].map((document) => fillPlaceholders(document, variables));
  const placeholderProblems = placeholderProblemsOf(documents, fills, displayPath(envFile));
  if (placeholderProblems.length > 0) throw new PackageError(placeholderProblems);

  const [manifest, ...localizations] = fills.map((fill) => fill.value) as [TeamsManifestShape, ...object[]];
  const problems: string[] = [];
  problems.push(...(await schemaProblems(manifest, localizationFiles, localizations)));
  localizations.forEach((localization, index) =>
    problems.push(...localizationKeyProblems(localizationFiles[index], localization, manifest)),
  );
  problems.push(...domainProblems(manifest as Parameters<typeof domainProblems>[0]));
  const icons = readIcons(options.manifestDir, manifest, problems);
  if (problems.length > 0) throw new PackageError(problems);

  const zip = new JSZip();
  zip.file(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  localizations.forEach((localization, index) =>
    zip.file(localizationFiles[index], `${JSON.stringify(localization, null, 2)}\n`),
  );
  for (const [name, data] of icons) zip.file(name, data);

  mkdirSync(options.outDir, { recursive: true });
  const zipPath = join(options.outDir, `appPackage.${options.envName}.zip`);
  writeFileSync(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { zipPath, files: Object.keys(zip.files), manifest: manifest as Record<string, unknown> };
}

/** A path relative to the working directory when inside it, else absolute. */
function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown && !shown.startsWith('..') ? shown : path;
}

function readJson(dir: string, file: string): unknown {
  const path = join(dir, file);
  if (!existsSync(path)) throw new PackageError([PackageMessages.fileNotFound(file)]);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PackageError([PackageMessages.invalidJson(file, error instanceof Error ? error.message : String(error))]);
  }
}

/** Localization files the manifest references, in manifest order, without duplicates. */
function localizationFilesOf(manifest: TeamsManifestShape): string[] {
  const info = manifest.localizationInfo;
  const files = [info?.defaultLanguageFile, ...(info?.additionalLanguages ?? []).map((language) => language.file)];
  return [...new Set(files.filter((file): file is string => typeof file === 'string' && file !== ''))];
}

function placeholderProblemsOf(
  documents: readonly string[],
  fills: ReadonlyArray<ReturnType<typeof fillPlaceholders>>,
  envFile: string,
): string[] {
  const usedIn = new Map<string, string[]>();
  fills.forEach((fill, index) => {
    for (const name of fill.missing) usedIn.set(name, [...(usedIn.get(name) ?? []), documents[index]]);
  });
  const problems = [...usedIn].map(([name, files]) => PackageMessages.missingVariable(name, envFile, files));
  fills.forEach((fill, index) => {
    for (const { path, text } of fill.malformed) problems.push(PackageMessages.malformedPlaceholder(documents[index], path, text));
  });
  return problems;
}

async function schemaProblems(
  manifest: TeamsManifestShape,
  localizationFiles: readonly string[],
  localizations: readonly object[],
): Promise<string[]> {
  const schemaUrl = manifest.$schema;
  if (!schemaUrl) return [PackageMessages.schemaMissing(MANIFEST_FILE)];
  const schema = loadOfflineSchema(schemaUrl);
  if (!schema) return [PackageMessages.schemaNotOffline(MANIFEST_FILE, schemaUrl, shippedSchemaVersions())];

  const problems = (await validateAgainst(manifest, schema)).map((error) =>
    PackageMessages.schemaViolation(MANIFEST_FILE, error),
  );
  const expectedUrl = localizationSchemaUrl(schemaUrl);
  const localizationSchema = loadOfflineSchema(expectedUrl);
  for (const [index, localization] of localizations.entries()) {
    const file = localizationFiles[index];
    const declared = (localization as { $schema?: unknown }).$schema;
    if (declared !== undefined && declared !== expectedUrl) {
      problems.push(PackageMessages.localizationSchemaMismatch(file, String(declared), expectedUrl));
    }
    if (!localizationSchema) {
      problems.push(PackageMessages.schemaNotOffline(file, expectedUrl, shippedSchemaVersions()));
      continue;
    }
    for (const error of await validateAgainst(localization, localizationSchema)) {
      problems.push(PackageMessages.schemaViolation(file, error));
    }
  }
  return problems;
}

/** Reads and checks both icons; returns them as zip entries and appends problems. */
function readIcons(manifestDir: string, manifest: TeamsManifestShape, problems: string[]): Array<[string, Buffer]> {
  const entries: Array<[string, Buffer]> = [];
  const icons: Array<[string | undefined, typeof checkColorIcon]> = [
    [manifest.icons?.color, checkColorIcon],
    [manifest.icons?.outline, checkOutlineIcon],
  ];
  for (const [file, check] of icons) {
    if (!file) continue; // a missing icons entry is already a schema violation
    const path = join(manifestDir, file);
    if (!existsSync(path)) {
      problems.push(PackageMessages.iconMissing(file));
      continue;
    }
    const data = readFileSync(path);
    problems.push(...check(file, data));
    entries.push([file, data]);
  }
  return entries;
}
