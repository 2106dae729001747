import { seededRandom } from './fault-injection';

/**
 * A generator of original, news-like documents for reliability tests and benchmarks: short wire
 * stories in which named officials state their country's position on the topics stancewatch
 * follows (ceasefire, sanctions, arms deliveries, talks…), padded with varied background
 * sentences. Every text is composed here from small phrase pools; none is copied from anywhere.
 *
 * Positions are mostly stable, so most statements reaffirm; with probability `flipRate` a
 * speaker's country reverses its stance (a contradiction for the alerter). A share of stories are
 * published with an earlier date than the ones before them (late arrivals), and some quote one
 * party characterising another's stance (hearsay, which never moves a position).
 *
 * Deterministic: the same options give the same documents.
 */
export interface GeneratedDocument extends Record<string, unknown> {
  id: string;
  title: string;
  source: string;
  publishedAt: string;
  text: string;
}

export interface NewsGeneratorOptions {
  count: number;
  seed?: number;
  /** Chance that a stance sentence reverses the speaker's current stance (default 0.04). */
  flipRate?: number;
  /** Chance that a story is dated before the previous ones (default 0.05). */
  lateRate?: number;
  /** Date of the first story (default 2025-01-06). */
  startDate?: string;
  /** Stories per day on average (default 6). */
  perDay?: number;
  /** Prefix of the document ids (default "gen"). */
  idPrefix?: string;
  /** Background sentences per story, inclusive range (default [1, 4]); ~40 makes a 4 KB article. */
  fillers?: readonly [number, number];
  /** Stance sentences per story, inclusive range (default [1, 3]); [16, 22] is seed-article-like. */
  stances?: readonly [number, number];
}

interface Speaker {
  name: string;
  intro: string;
}

interface Party {
  actor: string;
  country: string;
  adjective: string;
  speakers: Speaker[];
}

const PARTIES: Party[] = [
  {
    actor: 'ukraine',
    country: 'Ukraine',
    adjective: 'Ukrainian',
    speakers: [
      { name: 'Volodymyr Zelensky', intro: 'Ukrainian President Volodymyr Zelensky' },
      { name: 'Andrii Sybiha', intro: 'Ukrainian Foreign Minister Andrii Sybiha' },
      { name: 'Yulia Svyrydenko', intro: 'Ukrainian Prime Minister Yulia Svyrydenko' },
    ],
  },
  {
    actor: 'russia',
    country: 'Russia',
    adjective: 'Russian',
    speakers: [
      { name: 'Vladimir Putin', intro: 'Russian President Vladimir Putin' },
      { name: 'Dmitry Peskov', intro: 'Kremlin spokesman Dmitry Peskov' },
      { name: 'Sergei Lavrov', intro: 'Russian Foreign Minister Sergei Lavrov' },
    ],
  },
  {
    actor: 'united-states',
    country: 'the United States',
    adjective: 'American',
    speakers: [
      { name: 'Donald Trump', intro: 'US President Donald Trump' },
      { name: 'Marco Rubio', intro: 'US Secretary of State Marco Rubio' },
    ],
  },
  {
    actor: 'germany',
    country: 'Germany',
    adjective: 'German',
    speakers: [
      { name: 'Friedrich Merz', intro: 'German Chancellor Friedrich Merz' },
      { name: 'Johann Wadephul', intro: 'German Foreign Minister Johann Wadephul' },
    ],
  },
  {
    actor: 'france',
    country: 'France',
    adjective: 'French',
    speakers: [{ name: 'Emmanuel Macron', intro: 'French President Emmanuel Macron' }],
  },
  {
    actor: 'hungary',
    country: 'Hungary',
    adjective: 'Hungarian',
    speakers: [
      { name: 'Viktor Orban', intro: 'Hungarian Prime Minister Viktor Orban' },
      { name: 'Peter Szijjarto', intro: 'Hungarian Foreign Minister Peter Szijjarto' },
    ],
  },
  {
    actor: 'poland',
    country: 'Poland',
    adjective: 'Polish',
    speakers: [
      { name: 'Donald Tusk', intro: 'Polish Prime Minister Donald Tusk' },
      { name: 'Radoslaw Sikorski', intro: 'Polish Foreign Minister Radoslaw Sikorski' },
    ],
  },
  {
    actor: 'china',
    country: 'China',
    adjective: 'Chinese',
    speakers: [{ name: 'Wang Yi', intro: 'Chinese Foreign Minister Wang Yi' }],
  },
  {
    actor: 'turkey',
    country: 'Turkey',
    adjective: 'Turkish',
    speakers: [{ name: 'Recep Tayyip Erdogan', intro: 'Turkish President Recep Tayyip Erdogan' }],
  },
  {
    actor: 'slovakia',
    country: 'Slovakia',
    adjective: 'Slovak',
    speakers: [{ name: 'Robert Fico', intro: 'Slovak Prime Minister Robert Fico' }],
  },
  {
    actor: 'european-union',
    country: 'the European Union',
    adjective: 'European',
    speakers: [
      { name: 'Ursula von der Leyen', intro: 'European Commission President Ursula von der Leyen' },
      { name: 'Kaja Kallas', intro: 'EU foreign policy chief Kaja Kallas' },
    ],
  },
];

/** One stance a party can hold, with ways of saying it either way. `{C}` is the party's country. */
interface StanceTopic {
  key: string;
  parties: readonly string[];
  support: readonly string[];
  oppose: readonly string[];
}

const STANCES: StanceTopic[] = [
  {
    key: 'ceasefire',
    parties: ['ukraine', 'russia', 'united-states', 'turkey', 'china'],
    support: [
      '{C} was ready for a ceasefire along the current front line',
      '{C} would accept a ceasefire as a first step',
      '{C} backed an immediate ceasefire',
    ],
    oppose: [
      '{C} would not agree to a ceasefire',
      '{C} rejected any ceasefire before its conditions were met',
      '{C} opposed a ceasefire at this stage',
    ],
  },
  {
    key: 'sanctions',
    parties: ['hungary', 'slovakia', 'germany', 'poland', 'european-union', 'united-states', 'france'],
    support: [
      '{C} would support new sanctions against Russia',
      '{C} backed tougher sanctions against Russia',
      '{C} wanted sanctions against Russia extended',
    ],
    oppose: ['{C} opposed new sanctions against Russia', '{C} would not back further sanctions against Russia'],
  },
  {
    key: 'long-range',
    parties: ['united-states', 'germany', 'france'],
    support: ['{C} was ready to send long-range missiles to Ukraine', '{C} would supply Tomahawk missiles to Ukraine'],
    oppose: ['{C} would not send long-range missiles to Ukraine', '{C} ruled out sending Tomahawk missiles to Ukraine'],
  },
  {
    key: 'arms',
    parties: ['germany', 'poland', 'france', 'hungary', 'slovakia'],
    support: ['{C} would send more air defence systems to Ukraine', '{C} would keep delivering weapons to Ukraine'],
    oppose: ['{C} would not send weapons to Ukraine', '{C} refused to supply arms to Ukraine'],
  },
  {
    key: 'eu-membership',
    parties: ['poland', 'hungary', 'germany', 'slovakia', 'france'],
    support: ['{C} backed Ukraine joining the European Union', '{C} supported EU membership for Ukraine'],
    oppose: ['{C} opposed Ukraine joining the European Union', '{C} would block EU membership for Ukraine'],
  },
  {
    key: 'mediation',
    parties: ['china', 'turkey'],
    support: ['{C} was willing to mediate between the two sides', '{C} offered to mediate'],
    oppose: ['{C} would not mediate', '{C} declined to mediate'],
  },
  {
    key: 'peacekeepers',
    parties: ['france', 'germany', 'poland'],
    support: ['{C} was ready to send peacekeepers to Ukraine after a ceasefire'],
    oppose: ['{C} would not send peacekeepers to Ukraine', '{C} ruled out sending peacekeepers to Ukraine'],
  },
  {
    key: 'frozen-assets',
    parties: ['european-union', 'slovakia', 'germany', 'hungary'],
    support: [
      '{C} would use frozen Russian assets to fund Ukraine',
      '{C} supported a loan backed by frozen Russian assets',
    ],
    oppose: ['{C} opposed the use of frozen Russian assets', '{C} would not agree to seizing frozen Russian assets'],
  },
  {
    key: 'prisoners',
    parties: ['ukraine', 'russia'],
    support: ['{C} supported a prisoner exchange', '{C} was ready for another prisoner exchange'],
    oppose: ['{C} rejected a prisoner exchange', '{C} would not agree to a prisoner exchange'],
  },
  {
    key: 'territory',
    parties: ['ukraine'],
    support: ['{C} could give up part of the Donetsk region in exchange for peace', '{C} was ready to cede territory'],
    oppose: ['{C} would not withdraw from any more territory', '{C} would never cede the Donetsk region'],
  },
  {
    key: 'guarantees',
    parties: ['ukraine', 'russia'],
    support: ['{C} wanted firm security guarantees', '{C} would accept security guarantees for Ukraine'],
    oppose: ['{C} rejected any security guarantees that involved Western troops'],
  },
];

const REPORTING = ['said', 'told reporters', 'said on {weekday}', 'told a news conference', 'said in a statement'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const CITIES = ['Brussels', 'Warsaw', 'Berlin', 'Paris', 'Ankara', 'Vilnius', 'Prague', 'Riga', 'Tallinn', 'Oslo'];
const SOURCES = ['Example Wire', 'Stancewatch Test Desk', 'Continental Herald', 'Morning Dispatch', 'Eastern Ledger'];
const SUBJECTS = ['officials', 'analysts', 'diplomats', 'observers', 'negotiators', 'economists', 'engineers'];
const VERBS = ['met', 'gathered', 'worked late', 'reviewed the figures', 'compared notes', 'waited for news'];
const OBJECTS = [
  'grain shipments',
  'power lines',
  'rail links',
  'border crossings',
  'fuel prices',
  'winter supplies',
  'repair crews',
  'school buildings',
];
const ADJECTIVES = ['cautious', 'busy', 'tense', 'quiet', 'long', 'difficult', 'hopeful', 'restless'];

const FILLERS: ReadonlyArray<(pick: Picker) => string> = [
  (p) => `The meeting in ${p.one(CITIES)} lasted ${p.int(2, 9)} hours, according to people familiar with it.`,
  (p) => `${cap(p.one(SUBJECTS))} in ${p.one(CITIES)} ${p.one(VERBS)} as the talks continued.`,
  (p) => `Repairs to ${p.one(OBJECTS)} near the front were expected to take ${p.int(3, 40)} days.`,
  (p) => `It was a ${p.one(ADJECTIVES)} week for ${p.one(SUBJECTS)} following the conflict.`,
  (p) => `Local authorities reported ${p.int(2, 90)} incidents involving ${p.one(OBJECTS)} overnight.`,
  (p) => `The figures were published ${p.int(2, 12)} days after the last round of meetings.`,
  (p) =>
    `${cap(p.one(SUBJECTS))} estimated the cost of restoring ${p.one(OBJECTS)} at ${p.int(10, 900)} million euros.`,
  (p) => `Reporters waited outside the building in ${p.one(CITIES)} until late in the evening.`,
];

interface Picker {
  one<T>(items: readonly T[]): T;
  int(min: number, max: number): number;
  chance(probability: number): boolean;
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function picker(random: () => number): Picker {
  return {
    one: (items) => items[Math.floor(random() * items.length)] as (typeof items)[number],
    int: (min, max) => min + Math.floor(random() * (max - min + 1)),
    chance: (probability) => random() < probability,
  };
}

const DAY = 86_400_000;

/** `count` documents, deterministic for a seed. */
export function generateNewsDocuments(options: NewsGeneratorOptions): GeneratedDocument[] {
  const random = seededRandom(options.seed ?? 2026);
  const pick = picker(random);
  const flipRate = options.flipRate ?? 0.04;
  const lateRate = options.lateRate ?? 0.05;
  const perDay = options.perDay ?? 6;
  const start = Date.parse(`${options.startDate ?? '2025-01-06'}T00:00:00Z`);
  const prefix = options.idPrefix ?? 'gen';
  const stances = new Map<string, 'support' | 'oppose'>();
  const documents: GeneratedDocument[] = [];

  for (let index = 0; index < options.count; index++) {
    let day = Math.floor(index / perDay);
    if (day > 30 && pick.chance(lateRate)) day -= pick.int(5, 30);
    const date = new Date(start + day * DAY);
    const publishedAt = date.toISOString().slice(0, 10);
    const weekday = WEEKDAYS[(date.getUTCDay() + 6) % 7] as string;

    const sentences: string[] = [];
    const fillerCount = pick.int(...(options.fillers ?? [1, 4]));
    const stanceCount = pick.int(...(options.stances ?? [1, 3]));
    const mentioned: string[] = [];
    for (let s = 0; s < stanceCount; s++) {
      const stance = pick.one(STANCES);
      const actor = pick.one(stance.parties);
      const party = PARTIES.find((candidate) => candidate.actor === actor) as Party;
      const key = `${party.actor}/${stance.key}`;
      let polarity = stances.get(key) ?? (pick.chance(0.5) ? 'support' : 'oppose');
      if (stances.has(key) && pick.chance(flipRate)) polarity = polarity === 'support' ? 'oppose' : 'support';
      stances.set(key, polarity);
      const speaker = pick.one(party.speakers);
      const firstMention = !mentioned.includes(speaker.name);
      mentioned.push(speaker.name);
      const who = firstMention ? speaker.intro : (speaker.name.split(' ').at(-1) as string);
      const verb = pick.one(REPORTING).replace('{weekday}', weekday);
      const clause = pick.one(polarity === 'support' ? stance.support : stance.oppose).replace('{C}', party.country);
      sentences.push(`${who} ${verb} that ${clause}.`);
    }
    if (pick.chance(0.1)) {
      // Hearsay: one party characterising another's stance (kept as evidence, never a position).
      const [teller, subject] = [pick.one(PARTIES), pick.one(PARTIES)];
      if (teller.actor !== subject.actor) {
        const speaker = pick.one(teller.speakers);
        sentences.push(`${speaker.intro} said ${subject.country} did not want a ceasefire.`);
      }
    }
    for (let f = 0; f < fillerCount; f++) {
      const filler = pick.one(FILLERS)(pick);
      sentences.splice(pick.int(1, sentences.length), 0, filler);
    }
    // A unique dateline keeps every story's text (and so its content hash) distinct.
    const dateline = `${pick.one(CITIES).toUpperCase()}, ${publishedAt} (story ${index + 1}).`;
    const headlineParty = mentioned[0] ?? 'Officials';
    documents.push({
      id: `${prefix}-${String(index + 1).padStart(6, '0')}`,
      title: `${headlineParty} sets out positions (${publishedAt})`,
      source: pick.one(SOURCES),
      publishedAt,
      text: [dateline, ...sentences].join('\n'),
    });
  }
  return documents;
}

/** JSONL, one document a line, as `stancewatch ingest` reads it. */
export const toJsonl = (documents: readonly GeneratedDocument[]): string =>
  `${documents.map((document) => JSON.stringify(document)).join('\n')}\n`;
