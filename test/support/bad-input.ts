import fc from 'fast-check';

/**
 * Adversarial documents for the bad-input fuzz tests (issue 7, item 5), as fast-check
 * arbitraries. One `BadInput` is what a caller could send: a body (bytes) with a media type and
 * query for POST /documents, and the same content as a file or a JSONL line for `stancewatch
 * ingest`. Families: empty, whitespace, 5 MB, binary, invalid UTF-8, HTML, deeply nested JSON,
 * wrong types, huge numbers, prototype-pollution keys, control characters, 100k sentences without
 * a period, plus valid documents with strange but legal text, so acceptance is exercised too.
 */
export interface BadInput {
  family: string;
  /** What goes over the wire / into the file. */
  body: Uint8Array;
  /** Media type for the API; `json` bodies are also JSONL lines for the CLI. */
  contentType: string;
  /** Query string for text bodies (`publishedAt`…). */
  query: string;
  /** For the CLI: `jsonl` (one line of a JSONL file) or `file` (a text/HTML file of its own). */
  cli: 'jsonl' | 'file';
  /** For `file` inputs: the extension (decides how the CLI reads it). */
  extension: 'txt' | 'html' | 'md';
  /** The document id the input names, when it names one (to check nothing of it was stored). */
  id?: string;
}

const encoder = new TextEncoder();
const JSON_TYPE = 'application/json';

const json = (family: string, value: unknown, raw?: string): BadInput => {
  const text = raw ?? JSON.stringify(value);
  const id =
    value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string'
      ? (value as { id: string }).id
      : undefined;
  return {
    family,
    body: encoder.encode(text),
    contentType: JSON_TYPE,
    query: '',
    cli: 'jsonl',
    extension: 'txt',
    ...(id ? { id } : {}),
  };
};

const text = (family: string, body: Uint8Array | string, extension: 'txt' | 'html' | 'md' = 'txt'): BadInput => ({
  family,
  body: typeof body === 'string' ? encoder.encode(body) : body,
  contentType: extension === 'html' ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
  query: '?publishedAt=2025-11-01&source=Fuzz%20Wire',
  cli: 'file',
  extension,
});

const idArb = fc.stringMatching(/^fz[A-Za-z0-9._:-]{1,20}$/);
const dateArb = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const words = [
  'Zelensky',
  'said',
  'Ukraine',
  'would',
  'not',
  'agree',
  'to',
  'a',
  'ceasefire',
  'Russia',
  'Kremlin',
  'sanctions',
  'talks',
  'in',
  'Minsk',
  'the',
  'Donetsk',
  'region',
  'give',
  'up',
  'territory',
  'Hungary',
  'support',
];
const prose = fc
  .array(fc.array(fc.constantFrom(...words), { minLength: 3, maxLength: 14 }), { minLength: 1, maxLength: 6 })
  .map((sentences) => sentences.map((sentence) => `${sentence.join(' ')}.`).join(' '));

const validDocument = fc.record({ id: idArb, publishedAt: dateArb, title: fc.constant('Fuzz'), text: prose });

/** Unicode that is legal but odd: combining marks, RTL, emoji, NBSP, zero-width. */
const oddText = fc
  .array(
    fc.oneof(
      fc.constantFrom('\u0301', '\u200f', '\u200b', '\u00a0', '\ud83d\ude00', '\u202e', 'ﬁ', 'İ', '\u2028', '\ufeff'),
      fc.constantFrom(...words),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    ),
    { minLength: 1, maxLength: 60 },
  )
  .map((parts) => parts.join(' '));

function nested(depth: number, kind: 'object' | 'array'): string {
  return kind === 'object'
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

const MB = 1024 * 1024;

/** Big texts are built once per size and shared between cases. */
const bigTexts = new Map<string, string>();
const big = (key: string, build: () => string): string => {
  let value = bigTexts.get(key);
  if (value === undefined) {
    value = build();
    bigTexts.set(key, value);
  }
  return value;
};

const families: Record<string, fc.Arbitrary<BadInput>> = {
  empty: fc.constantFrom(
    json('empty', undefined, ''),
    text('empty', ''),
    text('empty', '', 'html'),
    json('empty', { publishedAt: '2025-01-01', text: '' }),
  ),
  whitespace: fc
    .array(fc.constantFrom(' ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000'), { minLength: 1, maxLength: 200 })
    .chain((spaces) =>
      fc.constantFrom(
        text('whitespace', spaces.join('')),
        json('whitespace', { publishedAt: '2025-01-01', text: spaces.join('') }),
      ),
    ),
  fiveMegabytes: fc.constantFrom('text', 'json', 'html').map((kind) => {
    const five = big('5 MB', () =>
      'Zelensky said Ukraine would not agree to a ceasefire. '.repeat(Math.ceil((5 * MB) / 54)),
    );
    if (kind === 'json') return json('5 MB', { publishedAt: '2025-01-01', text: five });
    return kind === 'html' ? text('5 MB', `<html><body><p>${five}</p></body></html>`, 'html') : text('5 MB', five);
  }),
  binary: fc
    .uint8Array({ minLength: 1, maxLength: 4096 })
    .chain((bytes) =>
      fc.constantFrom(
        text('binary', bytes),
        json('binary', { publishedAt: '2025-01-01', text: String.fromCharCode(...bytes) }),
      ),
    ),
  invalidUtf8: fc
    .tuple(
      prose,
      fc.constantFrom([0xc3, 0x28], [0xa0, 0xa1], [0xe2, 0x28, 0xa1], [0xf0, 0x28, 0x8c, 0x28], [0xff], [0xfe, 0xff]),
    )
    .chain(([words, bad]) => {
      const bytes = new Uint8Array([...encoder.encode(words), ...bad, ...encoder.encode(words)]);
      const jsonBytes = new Uint8Array([
        ...encoder.encode('{"publishedAt":"2025-01-01","text":"'),
        ...bytes,
        ...encoder.encode('"}'),
      ]);
      return fc.constantFrom(text('invalid UTF-8', bytes), {
        ...json('invalid UTF-8', undefined, ''),
        body: jsonBytes,
      });
    }),
  html: fc
    .tuple(
      prose,
      fc.constantFrom('nav', 'script', 'article', 'div', 'table', 'iframe'),
      fc.integer({ min: 0, max: 400 }),
    )
    .map(([words, tag, depth]) =>
      text(
        'HTML',
        `<!doctype html><html><head><title>${words.slice(0, 40)}</title><script>alert(1)</script></head><body>` +
          `${'<div>'.repeat(depth)}<${tag}><p>${words}</p></${tag}>${'</div>'.repeat(depth)}` +
          `<p onclick="x()">&lt;&amp;&#0;&#xD800;</p></body></html>`,
        'html',
      ),
    ),
  deepJson: fc
    .tuple(fc.integer({ min: 100, max: 200_000 }), fc.constantFrom<'object' | 'array'>('object', 'array'))
    .map(([depth, kind]) =>
      json('deeply nested JSON', undefined, `{"publishedAt":"2025-01-01","text":${nested(depth, kind)}}`),
    ),
  wrongTypes: fc
    .record({
      id: fc.oneof(idArb, fc.integer(), fc.constant(null), fc.array(fc.string())),
      publishedAt: fc.oneof(dateArb, fc.integer(), fc.boolean(), fc.constant(null), fc.object()),
      text: fc.oneof(prose, fc.integer(), fc.array(prose), fc.object(), fc.constant(null)),
      title: fc.oneof(fc.string(), fc.integer(), fc.boolean()),
      url: fc.oneof(fc.webUrl(), fc.string(), fc.integer()),
    })
    .chain((record) =>
      fc.constantFrom(
        json('wrong types', record),
        json('wrong types', [record]),
        json('wrong types', 'just a string'),
        json('wrong types', 42),
        json('wrong types', null),
        json('wrong types', { ...record, extra: true }),
      ),
    ),
  hugeNumbers: fc
    .constantFrom(
      '1e308',
      '1e400',
      '-1e400',
      '123456789012345678901234567890',
      '0.000000000000000000000000001',
      '-0',
      '9007199254740993',
    )
    .chain((number) =>
      fc.constantFrom(
        json('huge numbers', undefined, `{"publishedAt":${number},"text":"Zelensky said talks."}`),
        json('huge numbers', undefined, `{"publishedAt":"2025-01-01","text":${number}}`),
        json('huge numbers', undefined, `{"id":${number},"publishedAt":"2025-01-01","text":"Zelensky said talks."}`),
        json('huge numbers', { publishedAt: '99999-01-01', text: 'Zelensky said talks.' }),
        json('huge numbers', { publishedAt: '+275760-09-13', text: 'Zelensky said talks.' }),
      ),
    ),
  prototypePollution: fc
    .tuple(validDocument, fc.constantFrom('__proto__', 'constructor', 'prototype'))
    .chain(([document, key]) =>
      fc.constantFrom(
        json(
          'prototype pollution',
          undefined,
          `{"${key}":{"polluted":"yes","isAdmin":true},"publishedAt":"${document.publishedAt}","text":${JSON.stringify(document.text)}}`,
        ),
        json(
          'prototype pollution',
          undefined,
          `{"id":"${document.id}","publishedAt":"${document.publishedAt}","text":${JSON.stringify(document.text)},"constructor":{"prototype":{"polluted":"yes"}}}`,
        ),
        json('prototype pollution', undefined, `{"__proto__":[],"publishedAt":"2025-01-01","text":"x"}`),
      ),
    ),
  controlCharacters: fc
    .tuple(prose, fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 1, maxLength: 300 }))
    .chain(([words, codes]) => {
      const noisy = words + codes.map((code) => String.fromCharCode(code)).join('') + words;
      return fc.constantFrom(
        text('control characters', noisy),
        json('control characters', { publishedAt: '2025-01-01', text: noisy }),
        json('control characters', { publishedAt: '2025-01-01', title: `\u0000${words}`, text: words }),
        json('control characters', { id: `a\u0007b`, publishedAt: '2025-01-01', text: words }),
      );
    }),
  noPeriods: fc.constantFrom(100_000, 15_000, 1_700).chain((sentences) => {
    const run = big(`no periods ${sentences}`, () =>
      Array.from(
        { length: sentences },
        (_, index) => `Zelensky said Ukraine would not agree to ceasefire number ${index}`,
      ).join(' and '),
    );
    return fc.constantFrom(
      text('100k sentences without a period', run),
      json('100k sentences without a period', { publishedAt: '2025-01-01', text: run }),
    );
  }),
  valid: fc
    .tuple(validDocument, oddText)
    .chain(([document, odd]) =>
      fc.constantFrom(
        json('valid', document),
        json('valid', { ...document, text: `${document.text} ${odd}.` }),
        text('valid', `${document.text}\n${odd}`),
      ),
    ),
};

/** Weights: the heavy families (5 MB, 100k sentences) are rarer so a run stays quick. */
export const badInputArbitrary: fc.Arbitrary<BadInput> = fc.oneof(
  { arbitrary: families.empty as fc.Arbitrary<BadInput>, weight: 3 },
  { arbitrary: families.whitespace as fc.Arbitrary<BadInput>, weight: 3 },
  { arbitrary: families.fiveMegabytes as fc.Arbitrary<BadInput>, weight: 1 },
  { arbitrary: families.binary as fc.Arbitrary<BadInput>, weight: 6 },
  { arbitrary: families.invalidUtf8 as fc.Arbitrary<BadInput>, weight: 5 },
  { arbitrary: families.html as fc.Arbitrary<BadInput>, weight: 6 },
  { arbitrary: families.deepJson as fc.Arbitrary<BadInput>, weight: 3 },
  { arbitrary: families.wrongTypes as fc.Arbitrary<BadInput>, weight: 8 },
  { arbitrary: families.hugeNumbers as fc.Arbitrary<BadInput>, weight: 4 },
  { arbitrary: families.prototypePollution as fc.Arbitrary<BadInput>, weight: 5 },
  { arbitrary: families.controlCharacters as fc.Arbitrary<BadInput>, weight: 5 },
  { arbitrary: families.noPeriods as fc.Arbitrary<BadInput>, weight: 1 },
  { arbitrary: families.valid as fc.Arbitrary<BadInput>, weight: 6 },
);

export const BAD_INPUT_FAMILIES = Object.keys(families);
