/**
 * `npm run package [-- --env <name>]`: builds `build/appPackage.<name>.zip` for upload to Teams
 * from `manifest/` and `env/.env.<name>` (default `local`). Exits with 1 and a list of every
 * problem when a variable is missing or the manifest, a localization file or an icon is invalid.
 *
 * Options for CI and tests: `--env-dir`, `--manifest-dir`, `--out-dir` replace the default folders.
 */
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * @microsoft/app-manifest loads an ES module with `require`, which Node supports from 20.19 on.
 * Checked before loading the packager, so older Node gets a clear message instead of ERR_REQUIRE_ESM.
 */
const MIN_NODE = [20, 19] as const;

const USAGE =
  'Usage: npm run package -- [--env <name>] [--env-dir <dir>] [--manifest-dir <dir>] [--out-dir <dir>]';

async function main(argv: readonly string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    console.error(`The packager needs Node ${MIN_NODE.join('.')} or newer (this is ${process.versions.node}).`);
    return 1;
  }
  // Loaded only after the version check; see MIN_NODE.
  const { buildAppPackage, defaultBuildOptions, PackageError } =
    require('./package/index') as typeof import('./package/index');
  const defaults = defaultBuildOptions(join(__dirname, '..'), args.env ?? 'local');
  const options = {
    envName: defaults.envName,
    envDir: args['env-dir'] ? resolve(args['env-dir']) : defaults.envDir,
    manifestDir: args['manifest-dir'] ? resolve(args['manifest-dir']) : defaults.manifestDir,
    outDir: args['out-dir'] ? resolve(args['out-dir']) : defaults.outDir,
  };
  try {
    const result = await buildAppPackage(options);
    console.log(`App package written to ${relative(process.cwd(), result.zipPath) || result.zipPath}`);
    console.log(`Contents: ${result.files.join(', ')}`);
    return 0;
  } catch (error) {
    if (error instanceof PackageError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      env: { type: 'string' },
      'env-dir': { type: 'string' },
      'manifest-dir': { type: 'string' },
      'out-dir': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
