/**
 * Consistency checks the JSON schemas cannot express: localization keys must point at strings
 * that exist in the manifest, and the tab must load from a domain listed in `validDomains`.
 */
import { PackageMessages } from './errors';

/** Keys of a localization file that are not paths into the manifest. */
const NON_PATH_KEYS = new Set(['$schema', 'localizationKeys']);

/** Splits `bots[0].commandLists[1].title` into `['bots', 0, 'commandLists', 1, 'title']`. */
function pathSegments(key: string): Array<string | number> | undefined {
  const segments: Array<string | number> = [];
  const token = /([A-Za-z_$][\w$]*)|\[(\d+)\]|(\.)/gy;
  let match: RegExpExecArray | null;
  while (token.lastIndex < key.length && (match = token.exec(key))) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
  }
  return token.lastIndex === key.length ? segments : undefined;
}

/** Problems for localization keys that do not name a string in the manifest. */
export function localizationKeyProblems(file: string, localization: object, manifest: unknown): string[] {
  return Object.keys(localization)
    .filter((key) => !NON_PATH_KEYS.has(key))
    .filter((key) => {
      const segments = pathSegments(key);
      if (!segments) return true;
      let node: unknown = manifest;
      for (const segment of segments) {
        if (node === null || typeof node !== 'object') return true;
        node = (node as Record<string | number, unknown>)[segment];
      }
      return typeof node !== 'string';
    })
    .map((key) => PackageMessages.localizationKeyUnknown(file, key));
}

interface ManifestUrls {
  staticTabs?: Array<{ contentUrl?: string }>;
  validDomains?: string[];
}

/** Does `host` (with port, if any) match a `validDomains` entry (`*.` wildcards allowed)? */
function isValidDomain(url: URL, validDomains: readonly string[]): boolean {
  return validDomains.some((domain) => {
    const entry = domain.toLowerCase();
    for (const candidate of [url.host, url.hostname]) {
      if (entry === candidate) return true;
      if (entry.startsWith('*.') && candidate.endsWith(entry.slice(1))) return true;
    }
    return false;
  });
}

/** Problems for static tab content URLs whose domain Teams would refuse to load. */
export function domainProblems(manifest: ManifestUrls): string[] {
  const validDomains = manifest.validDomains ?? [];
  const problems: string[] = [];
  (manifest.staticTabs ?? []).forEach((tab, index) => {
    if (!tab.contentUrl) return;
    const field = `staticTabs[${index}].contentUrl`;
    let url: URL;
    try {
      url = new URL(tab.contentUrl);
    } catch {
      problems.push(PackageMessages.invalidUrl(field, tab.contentUrl));
      return;
    }
    if (!isValidDomain(url, validDomains)) problems.push(PackageMessages.domainNotValid(field, tab.contentUrl, validDomains));
  });
  return problems;
}
