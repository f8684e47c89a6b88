/**
 * `npm run --silent config:docs`: prints the configuration table of the README from the one
 * table in src/config.ts (keys, defaults, descriptions), so the docs cannot drift from the code
 * (test/readme.test.ts compares them).
 */
import { envSchema } from '../src/config';

/** The README's configuration table as Markdown. */
export function configTable(): string {
  const defaults = envSchema.parse({}) as Record<string, unknown>;
  const lines = ['| Variable | Default | Meaning |', '|---|---|---|'];
  for (const [key, schema] of Object.entries(envSchema.shape)) {
    const value = defaults[key];
    const shown = value === undefined ? '—' : `\`${String(value)}\``;
    const description = (schema.description ?? '').replace(/\|/g, '\\|');
    lines.push(`| \`${key}\` | ${shown} | ${description} |`);
  }
  return lines.join('\n');
}

if (require.main === module) console.log(configTable());
