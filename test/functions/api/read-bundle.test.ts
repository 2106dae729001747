import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { entryOf, esbuildOptions, type FunctionName, PROJECT_ROOT } from '../../../infra/bundling';

/**
 * The read API function must never load the NLP model: reads would pay for it at every cold start
 * (issue 16; docs/deploy.md, "Functions"). esbuild resolves each entry's module graph as the stack
 * bundles it; nothing is written, and sizes and timings stay in bench/bundle-size.bench.ts.
 */
async function bundleOf(entry: { entryPoints: string[] } | { stdin: { contents: string; resolveDir: string } }) {
  const result = await build({
    ...esbuildOptions(),
    ...entry,
    write: false,
    metafile: true,
    outdir: 'out',
    logLevel: 'silent',
  });
  return result.metafile as Metafile;
}

async function inputsOf(name: FunctionName): Promise<string[]> {
  return Object.keys((await bundleOf({ entryPoints: [entryOf(name)] })).inputs);
}

/** zod's locale modules that end up in the bundle's code (tree-shaken inputs have no bytes). */
const zodLocalesKept = (metafile: Metafile): string[] =>
  Object.values(metafile.outputs)
    .flatMap((output) => Object.entries(output.inputs))
    .filter(([input, { bytesInOutput }]) => /node_modules\/zod\/v4\/locales\//.test(input) && bytesInOutput > 0)
    .map(([input]) => input.slice(input.lastIndexOf('/') + 1));

/** What only extraction needs: the model, the parsers, the extractors and the ingest use case. */
const EXTRACTION = [
  /node_modules\/wink-/,
  /node_modules\/linkedom\//,
  /node_modules\/@mozilla\/readability\//,
  /node_modules\/chrono-node\//,
  /node_modules\/@aws-sdk\/client-bedrock-runtime\//,
  /^shared\/domain\/extraction\//,
  /^shared\/application\/ingest-document\.ts$/,
];
const extractionIn = (inputs: string[]) => inputs.filter((input) => EXTRACTION.some((pattern) => pattern.test(input)));

describe('the API functions’ module graphs', () => {
  it('the read API entry reaches no extraction code: no wink model, no HTML or date parser, no ingest use case', async () => {
    const inputs = await inputsOf('api');
    expect(inputs).toContain('functions/api/build-app.ts');
    expect(extractionIn(inputs)).toEqual([]);
  }, 60_000);

  it('the write entry does reach it (so the check above would see it if a read route imported it)', async () => {
    const found = extractionIn(await inputsOf('apiWrite'));
    expect(found).toEqual(expect.arrayContaining(['shared/application/ingest-document.ts']));
    expect(found.some((input) => input.includes('node_modules/wink-eng-lite-web-model/'))).toBe(true);
  }, 60_000);

  // ~250 KB of minified code the read API would compile at every cold start. It holds because
  // patches/@hono+zod-openapi+1.6.3.patch hands extendZodWithOpenApi only ZodType and the API's
  // files take `z` as zod's namespace (docs/performance.md, "Bundles and cold start").
  it('the read API bundle keeps zod\u2019s English messages and none of its other locales', async () => {
    const kept = zodLocalesKept(await bundleOf({ entryPoints: [entryOf('api')] }));
    expect(kept).toEqual(['en.js']);
  }, 60_000);

  it('a module that takes zod\u2019s `z` object keeps every locale (so the check above would see them)', async () => {
    const metafile = await bundleOf({
      stdin: { contents: "import { z } from 'zod'; export const id = z.string();", resolveDir: PROJECT_ROOT },
    });
    expect(zodLocalesKept(metafile).length).toBeGreaterThan(30);
  }, 60_000);
});
