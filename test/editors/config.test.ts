import { ConfigError, loadConfig } from '../../src/config';

describe('editors configuration', () => {
  it('should read KNOWLEDGE_EDITORS as lower-case Entra object ids separated by commas, spaces or semicolons', () => {
    const config = loadConfig({ KNOWLEDGE_EDITORS: '0B9D1E6A-1111-2222-3333-444455556666, 0b9d1e6a-1111-2222-3333-444455557777;' });
    expect(config.knowledgeEditors).toEqual(['0b9d1e6a-1111-2222-3333-444455556666', '0b9d1e6a-1111-2222-3333-444455557777']);
  });

  it('should leave the editors open to the LaKI channel when unset or blank, and have no seed folder', () => {
    expect(loadConfig({}).knowledgeEditors).toBeUndefined();
    expect(loadConfig({ KNOWLEDGE_EDITORS: '  ' }).knowledgeEditors).toBeUndefined();
    expect(loadConfig({}).knowledgeSeedDir).toBeUndefined();
    expect(loadConfig({ KNOWLEDGE_SEED_DIR: '/app/knowledge' }).knowledgeSeedDir).toBe('/app/knowledge');
  });

  it('should refuse names instead of object ids, saying what is expected', () => {
    expect(() => loadConfig({ KNOWLEDGE_EDITORS: 'lea@example.org' })).toThrow(ConfigError);
    expect(() => loadConfig({ KNOWLEDGE_EDITORS: 'lea@example.org' })).toThrow(/KNOWLEDGE_EDITORS: must be Entra object ids \(GUIDs\)/);
  });
});
