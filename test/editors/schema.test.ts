import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateJsonSchemas, SCHEMA_DIR, serializeJsonSchema } from '../../src/editors/jsonSchemas';

describe('knowledge JSON schemas', () => {
  const generated = Object.entries(generateJsonSchemas());

  it.each(generated)('should have %s committed exactly as generated (run npm run kb:schema)', (name, schema) => {
    const committed = readFileSync(path.join('knowledge', SCHEMA_DIR, name), 'utf8');
    expect(committed).toBe(serializeJsonSchema(schema));
  });

  it('should be referenced by the YAML files of the knowledge base', () => {
    const entries = readFileSync(path.join('knowledge', 'laki.yaml'), 'utf8');
    const synonyms = readFileSync(path.join('knowledge', 'synonyms.yaml'), 'utf8');
    expect(entries.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/entries.schema.json');
    expect(synonyms.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/synonyms.schema.json');
  });

  it('should make fields with a default optional, as the loader does', () => {
    const entries = generateJsonSchemas()['entries.schema.json'] as {
      properties: { entries: { items: { required: string[] } } };
    };
    const required = entries.properties.entries.items.required;
    expect(required).toEqual(expect.arrayContaining(['id', 'title', 'answer', 'questions', 'category', 'source', 'reviewed']));
    expect(required).not.toContain('keywords');
    expect(required).not.toContain('related');
  });
});
