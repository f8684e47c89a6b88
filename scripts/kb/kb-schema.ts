/**
 * `npm run kb:schema`: writes `knowledge/schema/*.json` from the zod schemas, so YAML editors
 * check entries while typing. Run it after changing src/knowledge/schema.ts and commit the
 * result; a test fails when the committed files differ from the generated ones.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { generateJsonSchemas, SCHEMA_DIR, serializeJsonSchema } from '../../src/editors/jsonSchemas';

function main(): void {
  const dir = path.join(loadConfig(process.env).knowledgeDir, SCHEMA_DIR);
  mkdirSync(dir, { recursive: true });
  for (const [name, schema] of Object.entries(generateJsonSchemas())) {
    const file = path.join(dir, name);
    writeFileSync(file, serializeJsonSchema(schema));
    console.log(`geschrieben: ${file}`);
  }
}

main();
