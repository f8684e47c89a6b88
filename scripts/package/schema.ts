/**
 * Offline validation against the official Teams JSON schemas that `@microsoft/app-manifest`
 * ships. The schema is always read from the package, never fetched: a schema URL the package
 * does not ship is a problem, not a download.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';

/** Where the package keeps the Teams schemas (`<version>/MicrosoftTeams*.schema.json`). */
const TEAMS_SCHEMA_DIR = join(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');

/** developer.microsoft.com Teams schema URL, optionally with a locale segment. */
const TEAMS_SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[0-9A-Za-z.]+)\/(MicrosoftTeams(?:\.[A-Za-z]+)?\.schema\.json)$/;

/** File name of the localization schema next to each manifest schema. */
export const LOCALIZATION_SCHEMA_FILE = 'MicrosoftTeams.Localization.schema.json';

/** A JSON schema as a plain object. */
export type JsonSchema = Record<string, unknown>;

/** Schema versions the installed package ships, e.g. `v1.30`, sorted by version. */
export function shippedSchemaVersions(): string[] {
  const version = (name: string) => name.slice(1).split('.').map(Number);
  return readdirSync(TEAMS_SCHEMA_DIR)
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .sort((a, b) => {
      const [aMajor, aMinor] = version(a);
      const [bMajor, bMinor] = version(b);
      return aMajor - bMajor || aMinor - bMinor;
    });
}

/** The URL of the localization schema that belongs to a manifest schema URL. */
export function localizationSchemaUrl(manifestSchemaUrl: string): string {
  return manifestSchemaUrl.replace(/[^/]+$/, LOCALIZATION_SCHEMA_FILE);
}

/**
 * Loads the schema a `$schema` URL names from the package, or returns `undefined` when the
 * package does not ship it.
 */
export function loadOfflineSchema(url: string): JsonSchema | undefined {
  const match = TEAMS_SCHEMA_URL.exec(url);
  if (!match) return undefined;
  const file = join(TEAMS_SCHEMA_DIR, match[1], match[2]);
  if (!existsSync(file)) return undefined;
  return repairPatterns(JSON.parse(readFileSync(file, 'utf8')) as JsonSchema);
}

/**
 * The published localization schemas contain patterns such as `\[\b([0-9]|…)\b]` with a lone
 * `]`, which Ajv rejects because it compiles patterns with the `u` flag. Escaping that `]`
 * keeps the meaning (a literal bracket) and lets the schema compile.
 */
function repairPatterns(schema: JsonSchema): JsonSchema {
  const repair = (pattern: string) => pattern.replace(/\\b\]/g, '\\b\\]');
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        if (key === 'patternProperties' && value !== null && typeof value === 'object') {
          return [key, Object.fromEntries(Object.entries(value).map(([pattern, sub]) => [repair(pattern), walk(sub)]))];
        }
        if (key === 'pattern' && typeof value === 'string') return [key, repair(value)];
        return [key, walk(value)];
      }),
    );
  };
  return walk(schema) as JsonSchema;
}

/**
 * Validates a document against a schema with the official validator; returns one line per
 * violation (`/path message. Details: …`), or an empty list.
 */
export async function validateAgainst(document: unknown, schema: JsonSchema): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(
    document as AppManifest,
    schema as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
  );
}
