import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import {
  buildAppPackage,
  fillPlaceholders,
  loadOfflineSchema,
  PackageError,
  PackageMessages,
  type BuildOptions,
} from '../../scripts/package/index';

// @microsoft/app-manifest requires strip-bom 5, an ES module that jest cannot load on Node 20
// (plain Node >= 20.19 can, so the CLI needs no such help). This stand-in does the same job;
// the schema validator under test stays the real one.
jest.mock('strip-bom', () => (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));

const ROOT = join(__dirname, '..', '..');
const MANIFEST_DIR = join(ROOT, 'manifest');

const TEST_VARIABLES = {
  TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
  BOT_ID: '99999999-8888-4777-8666-555555555555',
  BOT_DOMAIN: 'laki-test.example.org',
  TAB_ENDPOINT: 'https://laki-test.example.org',
  PRIVACY_URL: 'https://laki-test.example.org/datenschutz',
  TERMS_OF_USE_URL: 'https://laki-test.example.org/nutzungsbedingungen',
};

const envText = (variables: Record<string, string>) =>
  ['# test environment', ...Object.entries(variables).map(([key, value]) => `${key}=${value}`)].join('\n') + '\n';

let workDir: string;

beforeEach(() => {
  workDir = mkdtempSync(join(tmpdir(), 'laki-package-'));
});

afterEach(() => {
  rmSync(workDir, { recursive: true, force: true });
});

/** Options for a build from `manifestDir` with an env file holding `variables`. */
function options(variables: Record<string, string> = TEST_VARIABLES, manifestDir = MANIFEST_DIR): BuildOptions {
  const envDir = join(workDir, 'env');
  writeEnv(envDir, 'test', variables);
  return { envName: 'test', manifestDir, envDir, outDir: join(workDir, 'build') };
}

function writeEnv(envDir: string, name: string, variables: Record<string, string>): void {
  mkdirSync(envDir, { recursive: true });
  writeFileSync(join(envDir, `.env.${name}`), envText(variables));
}

/** A copy of the real manifest folder that a test may break. */
function manifestCopy(): string {
  const dir = join(workDir, 'manifest');
  cpSync(MANIFEST_DIR, dir, { recursive: true });
  return dir;
}

function editJson(file: string, edit: (json: Record<string, any>) => void): void {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  edit(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
}

function png(size: number, rgba: [number, number, number, number]): Buffer {
  const image = new PNG({ width: size, height: size });
  for (let offset = 0; offset < image.data.length; offset += 4) image.data.set(rgba, offset);
  return PNG.sync.write(image);
}

/** The problems of the PackageError a build throws (fails the test if it does not throw one). */
async function problemsOf(build: Promise<unknown>): Promise<readonly string[]> {
  const error = await build.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PackageError);
  return (error as PackageError).problems;
}

describe('buildAppPackage', () => {
  it('should write a zip with the manifest, its English localization and both icons', async () => {
    const result = await buildAppPackage(options());

    expect(result.zipPath).toBe(join(workDir, 'build', 'appPackage.test.zip'));
    const zip = await JSZip.loadAsync(readFileSync(result.zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);

    const manifestText = await zip.file('manifest.json')!.async('string');
    expect(manifestText).not.toContain('${{');
    const manifest = JSON.parse(manifestText);
    expect(manifest.id).toBe(TEST_VARIABLES.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(TEST_VARIABLES.BOT_ID);
    expect(manifest.composeExtensions[0].botId).toBe(TEST_VARIABLES.BOT_ID);
    expect(manifest.staticTabs.find((tab: { name?: string }) => tab.name === 'Wissensbasis').contentUrl).toBe(
      'https://laki-test.example.org/tab',
    );
    expect(manifest.validDomains).toEqual(['laki-test.example.org']);
    // The official validator, resolving $schema on its own from the package's offline copy.
    await expect(AppManifestUtils.validateAgainstSchema(manifest as AppManifest)).resolves.toEqual([]);

    const localization = JSON.parse(await zip.file('en.json')!.async('string'));
    const localizationSchema = loadOfflineSchema(localization.$schema);
    expect(localizationSchema).toBeDefined();
    await expect(
      AppManifestUtils.validateAgainstSchema(localization, localizationSchema as never),
    ).resolves.toEqual([]);

    for (const icon of ['color.png', 'outline.png']) {
      expect(await zip.file(icon)!.async('nodebuffer')).toEqual(readFileSync(join(MANIFEST_DIR, icon)));
    }
  });

  it('should declare the bot commands, the search extension and the tab the issue asks for', async () => {
    const { manifest } = await buildAppPackage(options());
    const bot = (manifest.bots as any[])[0];
    expect(bot.scopes).toEqual(['personal', 'team']);
    const personal = bot.commandLists.find((list: any) => list.scopes.includes('personal'));
    expect(personal.commands.map((command: any) => command.title)).toEqual([
      'Hilfe',
      'Meine Fragen',
      'Handlungsfelder',
      'Kontakt',
    ]);
    const [search] = (manifest.composeExtensions as any[])[0].commands;
    expect(search).toMatchObject({ id: 'searchKnowledge', type: 'query', initialRun: true });
    expect(search.parameters.map((parameter: any) => parameter.name)).toEqual(['query']);
    expect(manifest.localizationInfo).toMatchObject({ defaultLanguageTag: 'de-de' });
  });

  it('should name every missing variable and the env file, and write no zip', async () => {
    const { BOT_ID, TAB_ENDPOINT, ...rest } = TEST_VARIABLES;
    const buildOptions = options({ ...rest, BOT_ID: '' });

    const problems = await problemsOf(buildAppPackage(buildOptions));

    const envFile = join(buildOptions.envDir, '.env.test');
    expect(problems).toEqual([
      PackageMessages.missingVariable('BOT_ID', envFile, ['manifest.json']),
      PackageMessages.missingVariable('TAB_ENDPOINT', envFile, ['manifest.json']),
    ]);
    expect(problems[0]).toContain('Variable BOT_ID is not set');
    expect(existsSync(buildOptions.outDir)).toBe(false);
  });

  it('should fail with a clear message when the env file does not exist', async () => {
    const buildOptions = { ...options(), envName: 'prod' };
    expect(await problemsOf(buildAppPackage(buildOptions))).toEqual([
      PackageMessages.envFileNotFound(join(buildOptions.envDir, '.env.prod')),
    ]);
  });

  it('should refuse an environment name that is not a plain word', async () => {
    expect(await problemsOf(buildAppPackage({ ...options(), envName: '../secrets' }))).toEqual([
      PackageMessages.invalidEnvName('../secrets'),
    ]);
  });

  it('should report the schema errors of an invalid manifest', async () => {
    const manifestDir = manifestCopy();
    editJson(join(manifestDir, 'manifest.json'), (manifest) => {
      manifest.accentColor = 'blau';
      manifest.bots[0].scopes = ['personal', 'everyone'];
    });

    const problems = await problemsOf(buildAppPackage(options(TEST_VARIABLES, manifestDir)));

    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^manifest\.json: schema violation: \/accentColor must match pattern/),
        expect.stringMatching(/^manifest\.json: schema violation: \/bots\/0\/scopes\/1 must be equal to one of the allowed values/),
      ]),
    );
  });

  it('should report a filled value the schema rejects, such as a bot id that is not a GUID', async () => {
    const problems = await problemsOf(buildAppPackage(options({ ...TEST_VARIABLES, BOT_ID: 'my-bot' })));
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^manifest\.json: schema violation: \/bots\/0\/botId must match pattern/)]),
    );
  });

  it('should refuse a manifest schema version that is not shipped offline', async () => {
    const manifestDir = manifestCopy();
    editJson(join(manifestDir, 'manifest.json'), (manifest) => {
      manifest.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json';
      manifest.manifestVersion = '1.18';
    });

    const [problem, ...others] = await problemsOf(buildAppPackage(options(TEST_VARIABLES, manifestDir)));

    expect(others).toEqual([]);
    expect(problem).toMatch(/^manifest\.json: schema https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.18\/MicrosoftTeams\.schema\.json is not shipped offline/);
    expect(problem).toContain('v1.30');
  });

  it('should report localization strings that break the schema or match nothing in the manifest', async () => {
    const manifestDir = manifestCopy();
    editJson(join(manifestDir, 'en.json'), (localization) => {
      localization['name.short'] = 'LaKI-Assistent for municipal integration centres';
      localization['bots[0].commandLists[0].commands[7].title'] = 'Unknown';
    });

    const problems = await problemsOf(buildAppPackage(options(TEST_VARIABLES, manifestDir)));

    expect(problems).toEqual([
      expect.stringMatching(/^en\.json: schema violation: \/name\.short must NOT have more than 30 characters/),
      PackageMessages.localizationKeyUnknown('en.json', 'bots[0].commandLists[0].commands[7].title'),
    ]);
  });

  it('should refuse a tab served from a domain that is not in validDomains', async () => {
    const tabEndpoint = 'https://elsewhere.example.net';
    const problems = await problemsOf(buildAppPackage(options({ ...TEST_VARIABLES, TAB_ENDPOINT: tabEndpoint })));
    expect(problems).toEqual([
      PackageMessages.domainNotValid('staticTabs[1].contentUrl', `${tabEndpoint}/tab`, ['laki-test.example.org']),
    ]);
  });

  it.each([
    {
      case: 'a colour icon of the wrong size',
      file: 'color.png',
      data: () => png(100, [31, 111, 139, 255]),
      expected: PackageMessages.iconWrongSize('color.png', 100, 100, 192),
    },
    {
      case: 'an outline icon of the wrong size',
      file: 'outline.png',
      data: () => png(48, [255, 255, 255, 255]),
      expected: PackageMessages.iconWrongSize('outline.png', 48, 48, 32),
    },
    {
      case: 'an outline icon with coloured pixels',
      file: 'outline.png',
      data: () => png(32, [31, 111, 139, 128]),
      expected: PackageMessages.outlineNotWhite('outline.png', 32 * 32, 0, 0),
    },
    {
      case: 'an icon that is not a PNG',
      file: 'color.png',
      data: () => Buffer.from('not a png'),
      expected: expect.stringMatching(/^color\.png: not a readable PNG/),
    },
  ])('should refuse $case', async ({ file, data, expected }) => {
    const manifestDir = manifestCopy();
    writeFileSync(join(manifestDir, file), data());

    expect(await problemsOf(buildAppPackage(options(TEST_VARIABLES, manifestDir)))).toEqual([expected]);
  });
});

describe('fillPlaceholders', () => {
  it('should keep the JSON valid whatever a value contains and accept spaces inside the braces', () => {
    const result = fillPlaceholders({ a: ['${{ NAME }}/tab'], b: 'x${{NAME}}' }, { NAME: 'say "hi" \\' });
    expect(result).toEqual({ value: { a: ['say "hi" \\/tab'], b: 'xsay "hi" \\' }, missing: [], malformed: [] });
  });

  it('should report malformed placeholders with their path', () => {
    const result = fillPlaceholders({ bots: [{ botId: '${{1BOT}}' }] }, {});
    expect(result.malformed).toEqual([{ path: 'bots[0].botId', text: '${{1BOT}}' }]);
  });
});

describe('package CLI', () => {
  const runCli = (args: string[]) =>
    spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'scripts', 'package.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('should exit with 0 and write build/appPackage.<env>.zip', () => {
    const envDir = join(workDir, 'env');
    writeEnv(envDir, 'ci', TEST_VARIABLES);
    const outDir = join(workDir, 'out');

    const run = runCli(['--env', 'ci', '--env-dir', envDir, '--out-dir', outDir]);

    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(outDir)).toEqual(['appPackage.ci.zip']);
    expect(run.stdout).toContain('appPackage.ci.zip');
  });

  it('should build from the committed env/.env.local, as a fresh clone does (README: npm run package)', () => {
    const outDir = join(workDir, 'out');

    const run = runCli(['--out-dir', outDir]);

    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(outDir)).toEqual(['appPackage.local.zip']);
  });

  it('should exit with 1 and name the missing variable', () => {
    const envDir = join(workDir, 'env');
    const { TEAMS_APP_ID, ...rest } = TEST_VARIABLES;
    writeEnv(envDir, 'ci', rest);

    const run = runCli(['--env', 'ci', '--env-dir', envDir, '--out-dir', join(workDir, 'out')]);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The app package was not built (1 problem)');
    expect(run.stderr).toContain('Variable TEAMS_APP_ID is not set');
    expect(existsSync(join(workDir, 'out'))).toBe(false);
  });
});
