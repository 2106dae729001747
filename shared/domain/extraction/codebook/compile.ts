import type { Polarity } from '../../../../events/statement';
import { type CompileOptions, gapStopsOf, PatternIndex } from '../matcher';
import { tokenisePhrase } from '../nlp';
import { Prefilter } from '../prefilter';
import type { Codebook, CueGroup, Lexicon, Slot } from './schema';

/**
 * The codebook compiled for matching: pattern indexes per concern. Built once per codebook (the
 * extractor factory holds it), never per document.
 */

export type CueKind = CueGroup['kind'];

/** Words that shape a clause: the items the stance rules walk through. */
export type StructureEntry =
  | { kind: 'cue'; polarity: Polarity; cueKind: CueKind; nominal: boolean }
  | {
      kind:
        | 'reporting'
        | 'according'
        | 'modal'
        | 'negator'
        | 'conditional'
        | 'boundary'
        | 'coordinator'
        | 'complementizer'
        | 'frameEnd'
        | 'anaphor'
        | 'neutral';
    };

export type NameKind = 'name' | 'demonym' | 'capital' | 'institution' | 'person';

export interface NameEntry {
  kind: NameKind;
  actor: string;
  /** The person's full name, for person entries. */
  person?: string;
}

export type RoleKind = 'title' | 'honorific' | 'personPronoun' | 'groupPronoun' | 'self';

export interface RoleEntry {
  kind: RoleKind;
}

export type MarkerKind = 'hedge' | 'analyst' | 'anonymous' | 'anonymity' | 'recipient';

export interface MarkerEntry {
  kind: MarkerKind;
}

export interface TriggerEntry {
  topic: string;
  proposition: string;
  /** `!pattern`: the trigger names the proposition's opposite. */
  inverted: boolean;
  slot: Slot | undefined;
  /** "topic/proposition", the key of the proposition's inverters. */
  key: string;
  /** The keys of the propositions this one already assumes (the codebook's `presumes`). */
  presumes: ReadonlySet<string>;
}

export type VenueKind = 'context' | 'host' | 'any' | 'except' | 'including' | 'locative' | 'denial' | 'arrival';

export interface CompiledCodebook {
  version: string;
  codebook: Codebook;
  names: PatternIndex<NameEntry>;
  structure: PatternIndex<StructureEntry>;
  roles: PatternIndex<RoleEntry>;
  markers: PatternIndex<MarkerEntry>;
  triggers: PatternIndex<TriggerEntry>;
  /** Propositions' `objects`: triggers only right after an attitude cue. */
  objects: PatternIndex<TriggerEntry>;
  inverters: Map<string, PatternIndex<true>>;
  venue: PatternIndex<VenueKind>;
  places: PatternIndex<string>;
  venueTopic: string;
  /** The proposition a wanted venue implies (the codebook's `venues.meeting`), if any. */
  venueMeeting: { readonly topic: string; readonly proposition: string } | undefined;
  /** Single-word nouns whose locative is no venue ("the war in Ukraine"). */
  locatedNouns: ReadonlySet<string>;
  /** "held": see `keptThing` in venues.ts. */
  keptParticiples: ReadonlySet<string>;
  /** Topics with the `meetings` role: an opposition said of a place is about the venue. */
  meetingTopics: ReadonlySet<string>;
  prepositions: ReadonlySet<string>;
  beForms: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  unasserted: ReadonlySet<string>;
  /** The lexicon's single words the rules test one token against, each list a set (see `Words`). */
  words: Words;
  partitives: PatternIndex<true>;
  occasions: PatternIndex<true>;
  /** Harms said of a trigger after it ("only prolongs the war"): no mask bit, read per clause. */
  harms: PatternIndex<true>;
  /** Verbs of what events brought about ("produced", "led to"): no mask bit, read per clause with a trigger or cue. */
  outcomes: PatternIndex<true>;
  /**
   * Forms that can start a trigger or a venue word: a sentence with none of them (and no anaphor
   * after an earlier trigger) cannot yield a statement, so only its names are read (for later
   * pronouns); a document with none of them is not even tokenised.
   */
  candidateForms: ReadonlySet<string>;
  /**
   * The venue words that can make a clause about venues. With the triggers, matched as whole
   * patterns: a document in which none of them matches anywhere cannot yield a statement (each
   * statement needs a trigger, a venue context, or an anaphor pointing back to one of those).
   */
  venueTopicWords: PatternIndex<true>;
  /** Whether a raw text can contain a trigger or a venue-topic word at all (before tokenising it). */
  prefilter: Prefilter;
  /** Form → MASK bits. */
  maskOf: ReadonlyMap<string, number>;
  /** Anaphors alone: a determiner-led cue noun that is also one ("a request") points back. */
  anaphors: PatternIndex<true>;
  actorKinds: ReadonlyMap<string, 'country' | 'organisation'>;
}

/**
 * Closed-class words, one set per lexicon list (schema.ts says what each is for). With the
 * prepositions, forms of "be", determiners and unasserted nouns beside them, these are the English
 * words the rules compare single tokens with: the engine's code names none.
 */
export interface Words {
  verbGroupAdverbs: ReadonlySet<string>;
  irregularParticiples: ReadonlySet<string>;
  agentMarkers: ReadonlySet<string>;
  definiteArticles: ReadonlySet<string>;
  articles: ReadonlySet<string>;
  objectDeterminers: ReadonlySet<string>;
  slotDeterminers: ReadonlySet<string>;
  collectiveRoles: ReadonlySet<string>;
  firstPersonPronouns: ReadonlySet<string>;
  /** Matched inside a word, so a list rather than a set. */
  sourceWords: readonly string[];
  conjunctions: ReadonlySet<string>;
  speakerListWords: ReadonlySet<string>;
  placeListWords: ReadonlySet<string>;
  relatives: ReadonlySet<string>;
  anaphorRelatives: ReadonlySet<string>;
  freeChoiceDeterminers: ReadonlySet<string>;
  tellingVerbs: ReadonlySet<string>;
  trailingAttributionWords: ReadonlySet<string>;
  /** The lexicon's `complementizers` of one word ("that"). */
  complementizers: ReadonlySet<string>;
  /** Trade conditionals as a clause's `openedBy` reads them: normal forms joined by single spaces. */
  trades: ReadonlySet<string>;
  /** Trades told as an imperative at a clause's head ("give us"), as `openedBy` reads them. */
  imperativeTrades: ReadonlySet<string>;
  /** Conditionals that tell when ("once", "as soon as"), as `openedBy` reads them. */
  timeConditions: ReadonlySet<string>;
  /** Words that open an indirect question: the clause is nobody's stance. */
  questions: ReadonlySet<string>;
  /** Subordinators of what has not happened yet: their clause is nobody's stance. */
  prospectives: ReadonlySet<string>;
  /** Prepositions after which a talks word following a plain noun is an occasion, not an object. */
  occasionPrepositions: ReadonlySet<string>;
  gerundObjectMarkers: ReadonlySet<string>;
  objectPronouns: ReadonlySet<string>;
  /** Words of voting: see `objectlessVote` in stages/stance/findings.ts. */
  voteWords: ReadonlySet<string>;
  voteEnds: ReadonlySet<string>;
  absoluteOpeners: ReadonlySet<string>;
  /** Units of time before a subordinator: see `recalledAfterInterval` in stages/stance/drafts.ts. */
  intervalUnits: ReadonlySet<string>;
  /** "of" after a unit of time before a talks noun: see `meetingSpanEnded` in stages/stance/drafts.ts. */
  spanLinks: ReadonlySet<string>;
  /** Nouns of unnamed sources after a comma ("…, officials said"): see `sourcedAfter` in stages/stance/drafts.ts. */
  reportingSources: ReadonlySet<string>;
  pluperfectAuxiliaries: ReadonlySet<string>;
  /** What a host of a meeting receives ("talks", "leaders", "round"): see `hostsSomethingElse`. */
  meetingGuests: ReadonlySet<string>;
  /** "delegation", "negotiators": a holder named by them is at the meeting; see `findVenues`. */
  delegationHeads: ReadonlySet<string>;
  /** "exchanged", "swapped": an act only on a trigger in its object; see `actsOnNoTrigger`. */
  objectActs: ReadonlySet<string>;
  /** "believe", "think": see `beliefOfOther` in clause-reading.ts. */
  beliefVerbs: ReadonlySet<string>;
  /** "sign", "indication": "saw no sign that Moscow wanted …", see `beliefOfOther` in clause-reading.ts. */
  evidenceNouns: ReadonlySet<string>;
  /** "all" in "at all": see `talksBeforeLocative` in drafts.ts. */
  locativeIdioms: ReadonlySet<string>;
  /** "q", "reporter": a paragraph opened by one and a colon is a question; see `askedByInterviewer`. */
  interviewers: ReadonlySet<string>;
  /** "in", "during": before a trigger, with no item between, the trigger is a setting; see `inSetting`. */
  settingPrepositions: ReadonlySet<string>;
  /** "next", "week": between an occasion word and a trigger; see `afterOccasion`. */
  occasionTimes: ReadonlySet<string>;
  /** "on", "from": before a place word trigger, the trigger is a place; see `namesPlace`. */
  placePrepositions: ReadonlySet<string>;
  /** "territory", "soil": a trigger that is one of these may name a place; see `namesPlace`. */
  placeWords: ReadonlySet<string>;
  /** "withdrew", "retracted": before one's own offer or proposal, the clause says nothing. */
  retractions: ReadonlySet<string>;
  /** "since" before a year: an act counted from then is a tally of earlier acts. */
  sinceWords: ReadonlySet<string>;
  /** "in": before a year (a month between), dating a narrated stance (see `yearAfter` in stages/stance/drafts.ts). */
  yearWords: ReadonlySet<string>;
  /** Subordinating words: a clause one opens takes no holder from the clause before. */
  subordinators: ReadonlySet<string>;
  /** "its", "their": a stance noun after one, right after a cue, is the holder's own stance acted on. */
  possessiveDeterminers: ReadonlySet<string>;
  idiomObjects: ReadonlySet<string>;
  commaConditionals: ReadonlySet<string>;
  personPronouns: ReadonlySet<string>;
  groupPronouns: ReadonlySet<string>;
  equatives: ReadonlySet<string>;
  nominalStarts: ReadonlySet<string>;
  /** "how", "what": a clause a denied equation names ("is not how you show you want peace"). */
  equatedClauses: ReadonlySet<string>;
  focusAdverbs: ReadonlySet<string>;
  genericSubjects: ReadonlySet<string>;
  genericNouns: ReadonlySet<string>;
  formerWords: ReadonlySet<string>;
  legislatorTitles: ReadonlySet<string>;
  /** "talks", "negotiations": see `talksNamedBefore`. */
  talkNouns: ReadonlySet<string>;
  indefiniteDeterminers: ReadonlySet<string>;
  perfectAuxiliaries: ReadonlySet<string>;
  /** "asked", "necessary": a short condition of these only defers (see `namesNothing`). */
  deferrals: ReadonlySet<string>;
  appraisalVerbs: ReadonlySet<string>;
  appraisals: ReadonlySet<string>;
  appraisalInfinitives: ReadonlySet<string>;
  declarationVerbs: ReadonlySet<string>;
  endings: ReadonlySet<string>;
  otherPartyPronouns: ReadonlySet<string>;
  placeNouns: ReadonlySet<string>;
  /** "to": after a meeting trigger, before the place its delegates go to; see `talksSentToPlace`. */
  destinations: ReadonlySet<string>;
  /** "package": named beside a trigger, later the trigger's thing; see `noteStoryNouns`. */
  storyNouns: ReadonlySet<string>;
  /** "warned", "warn": the mention after one, before a preposition or colon, is the one warned. */
  warnedObjects: ReadonlySet<string>;
  /** "of": between a story noun and its trigger; see `noteStoryNouns`. */
  storyLinks: ReadonlySet<string>;
  /** "go": after a modal, at the end of its clause, what must go is wanted ended; see `departsAfter`. */
  departures: ReadonlySet<string>;
  /** "to": after places named as a cue's object, they are addressed, not venues; see `addressedAfter`. */
  addressees: ReadonlySet<string>;
  /** "draft", "chapter", "clause": what a document provides is no one's stance; see `documentProvision`. */
  documentNouns: ReadonlySet<string>;
  /** "decision", "offer": in a later paragraph after "the", the lede's stance; see `ledeAnaphor`. */
  ledeNouns: ReadonlySet<string>;
  /** "the": before a lede noun; see `ledeAnaphor`. */
  ledeArticles: ReadonlySet<string>;
  /** "demand", "ultimatum": in a later paragraph after "the", what a conditional lede asks for; see `ledeAnaphor`. */
  demandNouns: ReadonlySet<string>;
  /** "the", "any": before the subject a harm judges as the story's act; see `ledeHarm`. */
  harmSubjects: ReadonlySet<string>;
  /** "respond", "retaliate": after a modal, a reprisal against the story's act; see `ledeRetaliation`. */
  retaliations: ReadonlySet<string>;
  /** "warned", "warning": a bare warning of the story's act; see `ledeRetaliation`. */
  warnings: ReadonlySet<string>;
  /** Words opening a clause that, with no verb of its own, goes on the one before ("… exchanges but no ceasefire"). */
  continuers: ReadonlySet<string>;
}

/** Bits of the token mask: which indexes can start a match at a token. */
export const MASK = {
  names: 1,
  structure: 2,
  roles: 4,
  markers: 8,
  triggers: 16,
  venue: 32,
  places: 64,
  partitives: 128,
  occasions: 256,
  anaphors: 512,
  candidate: 1024,
  /** Not an index: a quotation mark (" “ ” « » „). */
  quote: 2048,
  /**
   * Not an index: a single mark (' ‘ ’), a quotation mark only where quotes.ts reads one (which then
   * sets `quote` on that token in the document's mask).
   */
  singleQuote: 4096,
} as const;

const cache = new WeakMap<Codebook, CompiledCodebook>();

export function compileCodebook(codebook: Codebook): CompiledCodebook {
  const cached = cache.get(codebook);
  if (cached) return cached;
  const compiled = build(codebook);
  cache.set(codebook, compiled);
  return compiled;
}

function singleTokens(patterns: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const pattern of patterns) {
    const tokens = tokenisePhrase(pattern);
    if (tokens.length === 1) out.add(tokens[0]!);
  }
  return out;
}

function wordsOf(lexicon: Lexicon): Words {
  return {
    verbGroupAdverbs: singleTokens(lexicon.verbGroupAdverbs),
    irregularParticiples: singleTokens(lexicon.irregularParticiples),
    agentMarkers: singleTokens(lexicon.agentMarkers),
    definiteArticles: singleTokens(lexicon.definiteArticles),
    articles: singleTokens(lexicon.articles),
    objectDeterminers: singleTokens(lexicon.objectDeterminers),
    slotDeterminers: singleTokens(lexicon.slotDeterminers),
    collectiveRoles: singleTokens(lexicon.collectiveRoles),
    firstPersonPronouns: singleTokens(lexicon.firstPersonPronouns),
    sourceWords: [...singleTokens(lexicon.sourceWords)],
    conjunctions: singleTokens(lexicon.conjunctions),
    speakerListWords: singleTokens(lexicon.speakerListWords),
    placeListWords: singleTokens(lexicon.placeListWords),
    relatives: singleTokens(lexicon.relatives),
    anaphorRelatives: singleTokens(lexicon.anaphorRelatives),
    freeChoiceDeterminers: singleTokens(lexicon.freeChoiceDeterminers),
    tellingVerbs: singleTokens(lexicon.tellingVerbs),
    trailingAttributionWords: singleTokens(lexicon.trailingAttributionWords),
    complementizers: singleTokens(lexicon.complementizers),
    trades: new Set(lexicon.trades.map((trade) => tokenisePhrase(trade).join(' '))),
    imperativeTrades: new Set(lexicon.imperativeTrades.map((trade) => tokenisePhrase(trade).join(' '))),
    timeConditions: new Set(lexicon.timeConditions.map((marker) => tokenisePhrase(marker).join(' '))),
    questions: singleTokens(lexicon.questions),
    prospectives: singleTokens(lexicon.prospectives),
    occasionPrepositions: singleTokens(lexicon.occasionPrepositions),
    gerundObjectMarkers: singleTokens(lexicon.gerundObjectMarkers),
    objectPronouns: singleTokens(lexicon.objectPronouns),
    voteWords: singleTokens(lexicon.voteWords),
    voteEnds: singleTokens(lexicon.voteEnds),
    absoluteOpeners: singleTokens(lexicon.absoluteOpeners),
    intervalUnits: singleTokens(lexicon.intervalUnits),
    spanLinks: singleTokens(lexicon.spanLinks),
    reportingSources: singleTokens(lexicon.reportingSources),
    pluperfectAuxiliaries: singleTokens(lexicon.pluperfectAuxiliaries),
    meetingGuests: singleTokens(lexicon.meetingGuests),
    delegationHeads: singleTokens(lexicon.delegationHeads),
    objectActs: singleTokens(lexicon.objectActs),
    beliefVerbs: singleTokens(lexicon.beliefVerbs),
    evidenceNouns: singleTokens(lexicon.evidenceNouns),
    locativeIdioms: singleTokens(lexicon.locativeIdioms),
    interviewers: singleTokens(lexicon.interviewers),
    settingPrepositions: singleTokens(lexicon.settingPrepositions),
    occasionTimes: singleTokens(lexicon.occasionTimes),
    placePrepositions: singleTokens(lexicon.placePrepositions),
    placeWords: singleTokens(lexicon.placeWords),
    retractions: singleTokens(lexicon.retractions),
    sinceWords: singleTokens(lexicon.sinceWords),
    yearWords: singleTokens(lexicon.yearWords),
    subordinators: new Set(lexicon.subordinators.map((word) => tokenisePhrase(word).join(' '))),
    continuers: singleTokens(lexicon.continuers),
    possessiveDeterminers: singleTokens(lexicon.possessiveDeterminers),
    idiomObjects: singleTokens(lexicon.idiomObjects),
    commaConditionals: singleTokens(lexicon.commaConditionals),
    personPronouns: singleTokens(lexicon.personPronouns),
    groupPronouns: singleTokens(lexicon.groupPronouns),
    equatives: singleTokens(lexicon.equatives),
    nominalStarts: singleTokens(lexicon.nominalStarts),
    equatedClauses: singleTokens(lexicon.equatedClauses),
    focusAdverbs: singleTokens(lexicon.focusAdverbs),
    genericSubjects: singleTokens(lexicon.genericSubjects),
    genericNouns: singleTokens(lexicon.genericNouns),
    formerWords: singleTokens(lexicon.formerWords),
    legislatorTitles: singleTokens(lexicon.legislatorTitles),
    talkNouns: singleTokens(lexicon.talkNouns),
    indefiniteDeterminers: singleTokens(lexicon.indefiniteDeterminers),
    perfectAuxiliaries: singleTokens(lexicon.perfectAuxiliaries),
    deferrals: singleTokens(lexicon.deferrals),
    appraisalVerbs: singleTokens(lexicon.appraisalVerbs),
    appraisals: singleTokens(lexicon.appraisals),
    appraisalInfinitives: singleTokens(lexicon.appraisalInfinitives),
    declarationVerbs: singleTokens(lexicon.declarationVerbs),
    endings: singleTokens(lexicon.endings),
    otherPartyPronouns: singleTokens(lexicon.otherPartyPronouns),
    placeNouns: singleTokens(lexicon.placeNouns),
    destinations: singleTokens(lexicon.destinations),
    storyNouns: singleTokens(lexicon.storyNouns),
    warnedObjects: singleTokens(lexicon.warnedObjects),
    storyLinks: singleTokens(lexicon.storyLinks),
    departures: singleTokens(lexicon.departures),
    addressees: singleTokens(lexicon.addressees),
    documentNouns: singleTokens(lexicon.documentNouns),
    ledeNouns: singleTokens(lexicon.ledeNouns),
    ledeArticles: singleTokens(lexicon.ledeArticles),
    demandNouns: singleTokens(lexicon.demandNouns),
    harmSubjects: singleTokens(lexicon.harmSubjects),
    retaliations: singleTokens(lexicon.retaliations),
    warnings: singleTokens(lexicon.warnings),
  };
}

function build(codebook: Codebook): CompiledCodebook {
  const { lexicon } = codebook;
  const irregular = lexicon.inflections;
  const gapStops = gapStopsOf([...singleTokens(lexicon.gapStops)]);
  const open: CompileOptions = { inflect: true, irregular, classes: codebook.classes, gapStops };
  const closed: CompileOptions = { inflect: false, classes: codebook.classes, gapStops };

  const names = new PatternIndex<NameEntry>(MASK.names);
  const places = new PatternIndex<string>(MASK.places);
  const actorKinds = new Map<string, 'country' | 'organisation'>();
  for (const actor of codebook.actors) {
    actorKinds.set(actor.id, actor.kind);
    for (const name of actor.names) names.add(name, { kind: 'name', actor: actor.id }, closed);
    for (const demonym of actor.demonyms) {
      // "Ukrainians" as well as "Ukrainian"; but never inflect multi-word demonyms.
      names.add(
        demonym,
        { kind: 'demonym', actor: actor.id },
        demonym.includes(' ') ? closed : { inflect: true, gapStops },
      );
    }
    for (const capital of actor.capitals) names.add(capital, { kind: 'capital', actor: actor.id }, closed);
    for (const institution of actor.institutions) {
      names.add(institution, { kind: 'institution', actor: actor.id }, closed);
    }
    for (const person of actor.people) {
      for (const written of [person.name, ...person.aliases]) {
        names.add(written, { kind: 'person', actor: actor.id, person: person.name }, closed);
      }
    }
    if (actor.kind === 'country') {
      for (const written of [...actor.names, ...actor.capitals]) places.add(written, actor.id, closed);
      // "the Hungarian capital": a demonym before one of the venues' place nouns.
      for (const demonym of actor.demonyms) {
        for (const noun of codebook.venues.demonymPlaces) places.add(`${demonym} ${noun}`, actor.id, closed);
      }
    }
  }
  for (const place of codebook.venues.places) places.add(place.name, place.country, closed);

  const structure = new PatternIndex<StructureEntry>(MASK.structure);
  // Order matters for ties of equal length: the first added wins. Neutral phrases shield their
  // words from every other reading.
  for (const pattern of lexicon.neutral) structure.add(pattern, { kind: 'neutral' }, closed);
  for (const group of lexicon.cues) {
    for (const pattern of [...group.patterns, ...group.synonyms]) {
      structure.add(
        pattern,
        { kind: 'cue', polarity: group.polarity, cueKind: group.kind, nominal: group.nominal },
        open,
      );
    }
  }
  for (const pattern of [...lexicon.reporting.patterns, ...lexicon.reporting.synonyms]) {
    structure.add(pattern, { kind: 'reporting' }, open);
  }
  const addAll = (patterns: readonly string[], entry: StructureEntry, options: CompileOptions) => {
    for (const pattern of patterns) structure.add(pattern, entry, options);
  };
  addAll(lexicon.according, { kind: 'according' }, closed);
  addAll(lexicon.conditionals, { kind: 'conditional' }, closed);
  addAll(lexicon.frameEnds, { kind: 'frameEnd' }, closed);
  addAll(lexicon.boundaries, { kind: 'boundary' }, closed);
  addAll(lexicon.complementizers, { kind: 'complementizer' }, closed);
  addAll(lexicon.coordinators, { kind: 'coordinator' }, closed);
  addAll(lexicon.anaphors, { kind: 'anaphor' }, open);
  const anaphors = new PatternIndex<true>(MASK.anaphors);
  for (const anaphor of lexicon.anaphors) anaphors.add(anaphor, true, open);
  addAll(lexicon.negators, { kind: 'negator' }, closed);
  addAll(lexicon.modals, { kind: 'modal' }, closed);

  const partitives = new PatternIndex<true>(MASK.partitives);
  for (const pattern of lexicon.partitives) partitives.add(pattern, true, closed);
  const occasions = new PatternIndex<true>(MASK.occasions);
  for (const pattern of lexicon.occasions) occasions.add(pattern, true, closed);
  const harms = new PatternIndex<true>();
  for (const pattern of lexicon.harms) harms.add(pattern, true, open);
  const outcomes = new PatternIndex<true>();
  for (const pattern of lexicon.outcomes) outcomes.add(pattern, true, open);

  const roles = new PatternIndex<RoleEntry>(MASK.roles);
  for (const title of lexicon.titles) roles.add(title, { kind: 'title' }, open);
  for (const honorific of lexicon.honorifics) roles.add(honorific, { kind: 'honorific' }, closed);
  for (const pronoun of lexicon.personPronouns) roles.add(pronoun, { kind: 'personPronoun' }, closed);
  for (const pronoun of lexicon.groupPronouns) roles.add(pronoun, { kind: 'groupPronoun' }, closed);
  for (const self of lexicon.selfReferences) roles.add(self, { kind: 'self' }, closed);

  const markers = new PatternIndex<MarkerEntry>(MASK.markers);
  for (const hedge of lexicon.hedges) markers.add(hedge, { kind: 'hedge' }, closed);
  for (const analyst of lexicon.analysts) markers.add(analyst, { kind: 'analyst' }, open);
  for (const anonymous of lexicon.anonymous) markers.add(anonymous, { kind: 'anonymous' }, closed);
  for (const phrase of lexicon.anonymity) markers.add(phrase, { kind: 'anonymity' }, closed);
  for (const recipient of lexicon.recipients) markers.add(recipient, { kind: 'recipient' }, closed);

  const triggers = new PatternIndex<TriggerEntry>(MASK.triggers);
  const objects = new PatternIndex<TriggerEntry>();
  const inverters = new Map<string, PatternIndex<true>>();
  for (const topic of codebook.topics) {
    for (const proposition of topic.propositions) {
      const key = `${topic.id}/${proposition.id}`;
      const presumes: ReadonlySet<string> = new Set(proposition.presumes);
      for (const written of [...proposition.triggers, ...proposition.synonyms]) {
        const inverted = written.startsWith('!');
        const pattern = inverted ? written.slice(1) : written;
        triggers.add(
          pattern,
          { topic: topic.id, proposition: proposition.id, inverted, slot: proposition.slot, key, presumes },
          open,
        );
      }
      for (const pattern of proposition.objects) {
        objects.add(
          pattern,
          { topic: topic.id, proposition: proposition.id, inverted: false, slot: proposition.slot, key, presumes },
          open,
        );
      }
      if (proposition.inverters.length > 0) {
        const index = new PatternIndex<true>();
        for (const inverter of proposition.inverters) index.add(inverter, true, open);
        inverters.set(key, index);
      }
    }
  }

  const venue = new PatternIndex<VenueKind>(MASK.venue);
  const { venues } = codebook;
  for (const pattern of venues.contexts) venue.add(pattern, 'context', open);
  for (const pattern of venues.host) venue.add(pattern, 'host', open);
  for (const pattern of venues.any) venue.add(pattern, 'any', closed);
  for (const pattern of venues.except) venue.add(pattern, 'except', closed);
  for (const pattern of venues.including) venue.add(pattern, 'including', closed);
  for (const pattern of venues.locatives) venue.add(pattern, 'locative', closed);
  for (const pattern of venues.denials) venue.add(pattern, 'denial', closed);
  for (const pattern of venues.arrivals) venue.add(pattern, 'arrival', open);

  // Venue words that can make a clause about venues (not "in", "including": those only matter then).
  const venueTopicWords = new PatternIndex<true>();
  for (const pattern of [...venues.contexts, ...venues.host, ...venues.any]) venueTopicWords.add(pattern, true, open);
  const candidateForms = new Set<string>([
    ...triggers.firstForms,
    ...objects.firstForms,
    ...venueTopicWords.firstForms,
  ]);
  const maskOf = new Map<string, number>();
  const mark = (forms: Iterable<string>, bit: number) => {
    for (const form of forms) maskOf.set(form, (maskOf.get(form) ?? 0) | bit);
  };
  for (const index of [names, structure, roles, markers, triggers, venue, places, partitives, occasions, anaphors]) {
    mark(index.firstForms, index.bit);
  }
  mark(candidateForms, MASK.candidate);
  // "Moscow said it would respond": a reprisal points back to the story's act as an anaphor does,
  // so its sentence is read once a topic has been named (see `ledeRetaliation`).
  mark(codebook.lexicon.retaliations, MASK.anaphors);
  mark(codebook.lexicon.warnings, MASK.anaphors);
  // "Hungarian diplomats voted in favour at a meeting of ambassadors": an objectless vote points
  // back to the story's thing (see `objectlessVote`), so its sentence is read once a topic is named.
  mark(codebook.lexicon.voteWords, MASK.anaphors);
  mark(['"', '“', '”', '«', '»', '„'], MASK.quote);
  mark(["'", '‘', '’'], MASK.singleQuote);

  return {
    version: codebook.version,
    codebook,
    names,
    structure,
    roles,
    markers,
    triggers,
    objects,
    inverters,
    venue,
    places,
    venueTopic: venues.topic,
    venueMeeting: venues.meeting,
    locatedNouns: singleTokens(venues.locatedNouns),
    keptParticiples: singleTokens(venues.keptParticiples),
    meetingTopics: new Set(
      codebook.topics.filter((topic) => topic.roles.includes('meetings')).map((topic) => topic.id),
    ),
    prepositions: singleTokens(lexicon.prepositions),
    beForms: singleTokens(lexicon.beForms),
    determiners: singleTokens(lexicon.determiners),
    unasserted: singleTokens(lexicon.unasserted),
    words: wordsOf(lexicon),
    anaphors,
    partitives,
    occasions,
    harms,
    outcomes,
    candidateForms,
    venueTopicWords,
    prefilter: Prefilter.of([...triggers.patterns(), ...objects.patterns(), ...venueTopicWords.patterns()]),
    maskOf,
    actorKinds,
  };
}

/**
 * Room for one document's token mask, reused from document to document by one extractor: a mask
 * is only read while its document is, so a document's mask costs no allocation of its own.
 */
export class TokenMaskBuffer {
  private buffer = new Uint16Array(4096);

  /** A view of `count` entries (their values are whatever the last document left). */
  view(count: number): Uint16Array {
    if (this.buffer.length < count) this.buffer = new Uint16Array(Math.max(count, this.buffer.length * 2));
    return this.buffer.subarray(0, count);
  }
}

/**
 * Computes a document's token mask: one map lookup per token serves every index. Written into
 * `buffer` when given (the extractor's own), else into a new array.
 */
export function maskTokens(compiled: CompiledCodebook, norm: readonly string[], buffer?: TokenMaskBuffer): Uint16Array {
  const count = norm.length;
  const mask = buffer ? buffer.view(count) : new Uint16Array(count);
  const maskOf = compiled.maskOf;
  for (let i = 0; i < count; i += 1) mask[i] = maskOf.get(norm[i]!) ?? 0;
  return mask;
}
