import { fileURLToPath } from 'node:url';
import { type BundlingOptions, LogLevel, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/**
 * One set of esbuild settings for every function: the stack passes them to NodejsFunction, and
 * bench/bundle-size.bench.ts builds with the same values through esbuild's API, so the sizes and
 * cold starts it reports are those of what gets deployed.
 */

/** The repository root: NodejsFunction's projectRoot, and where package-lock.json sits. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `api` serves the HTTP API's reads, `apiWrite` its POST /documents (the same app, with extraction). */
export const FUNCTION_NAMES = ['ingest', 'projector', 'alerter', 'api', 'apiWrite', 'digest'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

const ENTRIES: Record<FunctionName, string> = {
  ingest: 'functions/ingest/handler.ts',
  projector: 'functions/projector/handler.ts',
  alerter: 'functions/alerter/handler.ts',
  api: 'functions/api/handler.ts',
  apiWrite: 'functions/api/write-handler.ts',
  digest: 'functions/digest/handler.ts',
};

/** The handler file of each function, each exporting `handler`. */
export const entryOf = (name: FunctionName): string => `${PROJECT_ROOT}${ENTRIES[name]}`;

/**
 * ESM output needs `require` for the CommonJS packages esbuild inlines (wink-nlp, parts of
 * Powertools) when they load Node built-ins; createRequire gives them the real one.
 */
const REQUIRE_SHIM =
  "import { createRequire as __stancewatchCreateRequire } from 'node:module';" +
  'const require = __stancewatchCreateRequire(import.meta.url);';

export const BUNDLE_SETTINGS = {
  /** Lambda's nodejs22.x runtime. */
  target: 'node22',
  platform: 'node',
  /** ESM, so esbuild can tree-shake the modular SDK v3 clients down to the commands we send. */
  format: 'esm',
  /** Prefer the packages' ES module builds (the SDK and Powertools ship both). */
  mainFields: ['module', 'main'],
  minify: true,
  /** Source maps for readable stack traces; sources are left out to keep the zip small. */
  sourcemap: true,
  sourcesContent: false,
  banner: REQUIRE_SHIM,
  /**
   * Nothing is external: the SDK v3 clients are bundled (and tree-shaken) rather than taken from
   * the runtime. Measured by bench/bundle-size.bench.ts and explained in docs/deploy.md: the
   * bundle is what the tests ran against, and a minified tree-shaken client initialises faster
   * than the runtime's full copy resolved from node_modules.
   */
  external: [] as string[],
  /**
   * The SDK's default credential chain swapped for the one a Lambda sandbox can use (environment
   * variables, then a credentials endpoint): shared/wiring/aws/lambda-credentials.ts says why.
   * Relative to the project root, where NodejsFunction runs esbuild.
   */
  alias: { '@aws-sdk/credential-provider-node': './shared/wiring/aws/lambda-credentials.ts' },
} as const;

/**
 * The same settings as esbuild API options, for what builds the bundles outside CDK: the bundle
 * bench and the bundle tests (callers add the entry, the output and what they inspect).
 */
export function esbuildOptions(): BuildOptions {
  return {
    bundle: true,
    platform: BUNDLE_SETTINGS.platform,
    target: BUNDLE_SETTINGS.target,
    format: BUNDLE_SETTINGS.format,
    mainFields: [...BUNDLE_SETTINGS.mainFields],
    minify: BUNDLE_SETTINGS.minify,
    sourcemap: BUNDLE_SETTINGS.sourcemap,
    sourcesContent: BUNDLE_SETTINGS.sourcesContent,
    banner: { js: BUNDLE_SETTINGS.banner },
    external: [...BUNDLE_SETTINGS.external],
    alias: { ...BUNDLE_SETTINGS.alias },
    // The alias's path is relative to the project root, as NodejsFunction runs esbuild there.
    absWorkingDir: PROJECT_ROOT,
  };
}

/** The same settings as NodejsFunction bundling options (local esbuild, never Docker). */
export function nodejsBundling(): BundlingOptions {
  return {
    target: BUNDLE_SETTINGS.target,
    format: OutputFormat.ESM,
    mainFields: [...BUNDLE_SETTINGS.mainFields],
    minify: BUNDLE_SETTINGS.minify,
    sourceMap: BUNDLE_SETTINGS.sourcemap,
    sourceMapMode: SourceMapMode.DEFAULT,
    sourcesContent: BUNDLE_SETTINGS.sourcesContent,
    banner: BUNDLE_SETTINGS.banner,
    externalModules: [...BUNDLE_SETTINGS.external],
    // Rendered as `--alias:<package>=<path>` (NodejsFunction knows `--alias` takes that form).
    esbuildArgs: {
      '--alias': Object.entries(BUNDLE_SETTINGS.alias).map(([from, to]) => `${from}=${to}`),
    },
    forceDockerBundling: false,
    // Quiet `cdk synth --quiet`: esbuild reports warnings and errors, not every file it writes.
    logLevel: LogLevel.WARNING,
  };
}
