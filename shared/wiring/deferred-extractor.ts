import type { Extractor } from '../ports/extractor';

/**
 * An extractor built on its first use. The API function serves GETs far more often than it ingests,
 * and building the extractor (the NLP model, the codebook, the date parser) is most of its cold
 * start: a container that only answers reads never pays for it. A failed build is retried on the
 * next use rather than remembered.
 */
export function deferredExtractor(name: string, build: () => Promise<Extractor>): Extractor {
  let built: Promise<Extractor> | undefined;
  return {
    name,
    async extract(input) {
      built ??= build().catch((error: unknown) => {
        built = undefined;
        throw error;
      });
      return (await built).extract(input);
    },
  };
}
