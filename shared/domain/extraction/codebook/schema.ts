import * as z from 'zod';
import { ActorId, TopicId } from '../../../../events/statement';

/**
 * The codebook: everything the rules extractor knows about the world and about English stance
 * language, as data. Editing it (a new actor, alias, trigger) needs no code change; its `version`
 * is recorded on every extraction. Validated with zod when loaded, so a typo fails fast with the
 * path of the bad field rather than silently matching nothing.
 *
 * Patterns are small token sequences, matched case-insensitively on whole tokens:
 * - a plain word matches its inflections too ("reject" matches "rejects", "rejected", "rejecting");
 * - `=word` matches that exact form only;
 * - `{class}` matches any member of a word class from `classes`;
 * - `…` (or `...`) skips up to three tokens inside one clause.
 * A trigger written `!pattern` stands for the proposition's opposite ("!territorial integrity":
 * supporting it means opposing ceding territory).
 */

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const Kebab = z.string().regex(kebab, 'must be kebab-case, e.g. "give-up-land"');

const Pattern = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((value) => !/^(?:…|\.\.\.)|(?:…|\.\.\.)$/.test(value), 'a pattern cannot start or end with a gap (…)');
/** A word or pattern listed twice in one list is refused: matching is case-insensitive, so it is a slip that says nothing more. */
function listedOnce(items: readonly string[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const key = item.toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index], message: `"${item}" is listed twice` });
    seen.add(key);
  });
}
const Patterns = z.array(Pattern).superRefine(listedOnce);

/**
 * One word, tested against a single token (no inflection, no pattern syntax): the closed-class
 * words the rules read one token at a time.
 */
const Word = z.string().trim().min(1).max(100).regex(/^\S+$/, 'must be one word, without spaces');
const Words = z.array(Word).superRefine(listedOnce);

/** A name as written in text: matched case-insensitively, but must be capitalised in the text. */
const Name = z.string().trim().min(1).max(100);

export const WordnetRef = z
  .object({
    lemma: z.string().min(1),
    pos: z.enum(['n', 'v', 'a', 'r']),
    /** 1-based sense numbers in WordNet's frequency order; only these synsets widen the group. */
    senses: z.array(z.number().int().positive()).min(1),
    /** Lemmas of those synsets to leave out ("press" would match "press conference"). */
    exclude: z.array(z.string()).default([]),
  })
  .strict();
export type WordnetRef = z.infer<typeof WordnetRef>;

const LexiconGroupShape = {
  patterns: Patterns,
  /** Synsets to widen this group from WordNet when the codebook is built (never per document). */
  wordnet: z.array(WordnetRef).default([]),
  /** Written by `widen-wordnet.ts`: the lemmas those synsets add. Part of the data, reviewable. */
  synonyms: z.array(z.string().min(1)).default([]),
};

export const LexiconGroup = z.object(LexiconGroupShape).strict();
export type LexiconGroup = z.infer<typeof LexiconGroup>;

/**
 * Stance cues. `polarity` is the sign the cue gives the proposition it governs (signs multiply
 * along a chain: "does not want to lift sanctions" = not × want × lift = support). `kind`:
 * - speech: a speech act ("called on", "rejected", "demanded"): a person doing it is quoted directly;
 * - attitude: a state of mind or readiness ("ready for", "willing to", "hopes");
 * - action: something done ("imposed", "approved"): reported as fact by the narrator;
 * - deontic: what someone else must do ("must", "should"): the stance is the speaker's, not the subject's.
 */
export const CueGroup = z
  .object({
    ...LexiconGroupShape,
    polarity: z.enum(['support', 'oppose', 'conditional']),
    kind: z.enum(['speech', 'attitude', 'action', 'deontic']),
    /**
     * Nouns ("refusal", "proposal for"): the actor right before one holds it too ("a US proposal
     * for a ceasefire", "Moscow's refusal to negotiate"), beside the clause's own holder.
     */
    nominal: z.boolean().default(false),
  })
  .strict();
export type CueGroup = z.infer<typeof CueGroup>;

export const Person = z
  .object({
    /** Full name as it should appear in `speaker`. */
    name: Name,
    /** Other ways the text names the person ("Zelensky", "Zelenskyy"). The full name always matches. */
    aliases: z.array(Name).default([]),
    title: z.string().max(100).optional(),
  })
  .strict();
export type Person = z.infer<typeof Person>;

export const Actor = z
  .object({
    id: ActorId,
    /** country: its names and capitals are also venues; organisation: they are not. */
    kind: z.enum(['country', 'organisation']).default('country'),
    names: z.array(Name).min(1),
    /** Adjectives that stand for the actor before a role ("Ukrainian officials"). */
    demonyms: z.array(Name).default([]),
    /** Capitals used as metonyms ("Kyiv said…"). */
    capitals: z.array(Name).default([]),
    /** Bodies that speak for the actor ("the Kremlin", "the White House"). */
    institutions: z.array(Name).default([]),
    people: z.array(Person).default([]),
  })
  .strict();
export type Actor = z.infer<typeof Actor>;

export const Place = z.object({ name: Name, country: ActorId }).strict();
export type Place = z.infer<typeof Place>;

export const Slot = z
  .object({
    /** The namespace of the proposition id: `<namespace>:<actor>`, e.g. "sanctions:russia". */
    namespace: Kebab,
    /** Where the slot's actor is looked for around the trigger. */
    from: z.array(z.enum(['listed', 'subject', 'possessive', 'adjective', 'prepositions', 'object', 'holder'])).min(1),
    /** Prepositions after the trigger that introduce the slot ("sanctions against Russia"). */
    prepositions: Patterns.default([]),
    /** The trigger's verb forms, whose object fills the slot (`object`: "sanction two Chinese banks"). */
    verbs: Patterns.default([]),
    /**
     * `listed`: words of putting something on a list ("add", "inclusion"), whose object, followed by
     * one of `listedInto` and the trigger a few words on, fills the slot ("add eleven Chinese
     * companies to its sanctions list", "the inclusion of Chinese banks in EU sanctions").
     */
    listedBy: Patterns.default([]),
    listedInto: Patterns.default([]),
    /** Used when nothing fills the slot; without it the proposition's plain id is used. */
    default: ActorId.optional(),
    /** Actors that never fill this slot (Ukraine receives funding, it does not give it). */
    exclude: z.array(ActorId).default([]),
  })
  .strict();
export type Slot = z.infer<typeof Slot>;

export const Proposition = z
  .object({
    id: Kebab,
    label: z.string().max(200).optional(),
    triggers: Patterns.min(1),
    /** Words just before a trigger that reverse it ("defend Donetsk", "return of occupied territories"). */
    inverters: Patterns.default([]),
    /**
     * Words that name the proposition only as the object right after an attitude cue ("wants a
     * deal", "not interested in peace"); alone they are too vague ("a deal on grain").
     */
    objects: Patterns.default([]),
    slot: Slot.optional(),
    /**
     * Propositions, as "topic/proposition", whose state this one already assumes (foreign troops
     * are troops in Ukraine after a ceasefire): a condition that names only those is no condition
     * on it, and a clause about it takes no stance on them (the corpus README, "Conditions count").
     */
    presumes: z.array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/)).default([]),
    /** Synsets to widen the triggers from WordNet when the codebook is built (see `synonyms`). */
    wordnet: z.array(WordnetRef).default([]),
    /** Written by `widen-wordnet.ts`: extra triggers from those synsets. */
    synonyms: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type Proposition = z.infer<typeof Proposition>;

export const Topic = z
  .object({
    id: TopicId,
    label: z.string().max(200).optional(),
    /**
     * What the engine may assume about the topic. `meetings`: its propositions are meetings that
     * happen somewhere, so "talks cannot take place in X" opposes the venue, not the meeting.
     */
    roles: z.array(z.enum(['meetings'])).default([]),
    propositions: z.array(Proposition).min(1),
  })
  .strict();
export type Topic = z.infer<typeof Topic>;

export const Venues = z
  .object({
    topic: TopicId,
    /** Words that make a clause about where talks happen ("talks", "summit", "take place", "host"). */
    contexts: Patterns.min(1),
    /** Verbs whose subject offers itself as the venue ("host"). */
    host: Patterns.default([]),
    /** "anywhere", "any venue": the proposition `<topic>:any`. */
    any: Patterns.default([]),
    /** Places after these take the opposite polarity ("except in Russia or Belarus"). */
    except: Patterns.default([]),
    /** Places after these take the same polarity ("including in Hungary"). */
    including: Patterns.default([]),
    /** Prepositions that introduce a venue ("in", "at"). */
    locatives: Patterns.min(1),
    /**
     * A meeting said not to happen ("There will be no meeting in Geneva"): a cancellation, an act
     * against the meeting, not a stance on its place (see `findVenues`).
     */
    denials: Patterns.default([]),
    /**
     * A trip to a place, read as a locative ("would travel to Geneva"): the traveller's stance on the
     * venue; a trip refused ("will not travel to Geneva") is against the meeting, not the place.
     */
    arrivals: Patterns.default([]),
    /**
     * Nouns whose locative says where they happen, not where to meet: "an end to the war in
     * Ukraine" names no venue, however close a summit word is.
     */
    locatedNouns: z.array(z.string().min(1)).default([]),
    /**
     * Context words that are also participles of keeping ("held"): right after a noun that is no
     * meeting's ("assets held in Belgium", "funds held in London") they say where a thing is kept,
     * not where a meeting is held, and make no clause about venues (see `findVenues`).
     */
    keptParticiples: z.array(z.string().min(1)).default([]),
    /** Cities and regions; country actors' names and capitals are venues already. */
    places: z.array(Place).default([]),
    /** Nouns that name a place of a country after its demonym ("the Hungarian capital" is Hungary). */
    demonymPlaces: Patterns.default([]),
    /**
     * The proposition a wanted venue implies: a place wanted for the meeting is the meeting wanted
     * ("I will meet him in Budapest" supports the talks too). Absent: a venue implies nothing.
     */
    meeting: z.object({ topic: TopicId, proposition: Kebab }).strict().optional(),
  })
  .strict();
export type Venues = z.infer<typeof Venues>;

export const Lexicon = z
  .object({
    /** Irregular forms the regular inflection rules cannot guess ("give": ["gave", "given"]). */
    inflections: z.record(z.string(), z.array(z.string())).default({}),
    reporting: LexiconGroup,
    /** Whom a reporting verb may be addressed to before its content ("told reporters that"). */
    recipients: Patterns.default([]),
    /** "according to X": X is the speaker of the rest of the sentence. */
    according: Patterns.default([]),
    cues: z.array(CueGroup).min(1),
    /** Modal verbs: a stance only when they govern a trigger verb ("will not withdraw"). */
    modals: Patterns.default([]),
    negators: Patterns.min(1),
    /**
     * Markers that open a condition ("if", "in exchange for", "only after"): what follows is the
     * condition, not a stance, and the clause it attaches to becomes conditional.
     */
    conditionals: Patterns.default([]),
    /** Words and signs that end a clause (a new holder or a new polarity may start). */
    boundaries: Patterns.default([]),
    /** Words joining two mentions or two clauses ("and", "as well as"); never a boundary by themselves. */
    coordinators: Patterns.default([]),
    /** Fixed phrases that contain stance words but carry no stance ("for as long as it takes"). */
    neutral: Patterns.default([]),
    /** Nouns whose "that" clause is a claim, not the subject's stance ("rejected accusations that it supplies weapons"). */
    unasserted: Patterns.default([]),
    /** After these a mention is still a subject ("a group of US senators"), not an object. */
    partitives: Patterns.default([]),
    /** A trigger after these is the occasion, not the object of a stance ("at talks in Jeddah"). */
    occasions: Patterns.default([]),
    /**
     * Harms a holder says an act brings ("prolong the war", "give … time to rearm", "push … further
     * away"): said after a trigger, the stance on it is opposition, whatever words name the act.
     */
    harms: Patterns.default([]),
    /**
     * Verbs of what events brought about ("produce", "lead to", "yield"): told as fact, with no
     * stance word, modal or negator before them in the clause, what follows is an outcome, not a
     * stance ("talks that produced no compromise", "the meeting produced a US proposal for a truce").
     */
    outcomes: Patterns.default([]),
    /** "that": a clause boundary unless it follows a reporting verb or a cue ("said that", "hope that"). */
    complementizers: Patterns.default([]),
    /** Where reported speech ends and the narrator resumes (", after …", ", while …"). */
    frameEnds: Patterns.default([]),
    /** A cue right after one of these is a noun, not a stance ("a request", "the demand"). */
    determiners: Patterns.default([]),
    /** Nouns and pronouns that point back to an earlier proposition ("a request that…", "rejected it"). */
    anaphors: Patterns.default([]),
    /** Hedges lower confidence ("reportedly", "is said to"). */
    hedges: Patterns.default([]),
    /** Analysts and experts as speakers: not interested parties, so lower confidence. */
    analysts: Patterns.default([]),
    /** Unnamed sources as speakers ("sources", "people familiar with"). */
    anonymous: Patterns.default([]),
    /** Phrases that make a named role anonymous ("speaking on condition of anonymity", "an unnamed official"). */
    anonymity: Patterns.default([]),
    /** Role words that make a demonym or name a representative ("Ukrainian officials"). */
    titles: Patterns.default([]),
    honorifics: Patterns.default([]),
    /** Pronouns that refer to a person: resolved to the last named speaker. */
    personPronouns: Patterns.default([]),
    /** "we", "our": the speaker's actor inside a quote. */
    groupPronouns: Patterns.default([]),
    /** "the country", "his government": the speaker's (or last named) actor. */
    selfReferences: Patterns.default([]),
    /** Words before a mention that make it an object, not a subject ("in Russia", "against Moscow"). */
    prepositions: Patterns.default([]),
    /** Forms of "be": a verb cue after them is passive ("was rejected by Kyiv"). */
    beForms: Patterns.default([]),
    /** Adverbs that may stand between a form of "be" and its participle ("was also rejected"). */
    verbGroupAdverbs: Words.default([]),
    /** Participles with none of the regular endings (-ed, -en, -wn, -ld, -ne, -nt) that still make a passive ("was told"). */
    irregularParticiples: Words.default([]),
    /** Introduce the agent of a passive, who holds its stance ("was rejected by Kyiv"). */
    agentMarkers: Words.default([]),
    /** Skipped before a name after an agent marker, a reporting verb, a conjunction or a locative ("by the Kremlin"); a title after one refers back ("the president"). */
    definiteArticles: Words.default([]),
    /** With commas, all that may stand between a person and an apposition describing them ("Peskov, the Kremlin spokesman"). */
    articles: Words.default([]),
    /** Skipped between a preposition and the mention after it, which is then an object ("against the US", "with both Kyiv and …"). */
    objectDeterminers: Words.default([]),
    /** Skipped between a slot's preposition and the actor that fills it ("sanctions against the Russian …"). */
    slotDeterminers: Words.default([]),
    /** Role words that name one body, not several people, though they end in -s ("forces", "authorities"). */
    collectiveRoles: Words.default([]),
    /** The person pronouns that name the speaker ("I", "me"), not a third person. */
    firstPersonPronouns: Words.default([]),
    /**
     * Words that make a mention of title words an unnamed source rather than a description of the
     * person before it ("Ushakov, a foreign policy aide"); matched inside the mention's last word,
     * so "sources" counts as "source".
     */
    sourceWords: Words.default([]),
    /**
     * The coordinators that join like with like ("and", "or"): a clause splits before one only when
     * a new verb group follows; two triggers joined by one share the holder's stance words; a list
     * of speakers needs one; adjacent triggers joined by one stay two propositions.
     */
    conjunctions: Words.default([]),
    /** Words that may join coordinated speakers ("Britain, France and Germany", "both … and", "along with"). */
    speakerListWords: Words.default([]),
    /** Words that may join the places of one list, or follow "except" before a place ("in Russia or in Belarus"). */
    placeListWords: Words.default([]),
    /** Relative pronouns: a clause they open describes something and takes no holder from the clause before. */
    relatives: Words.default([]),
    /** The relatives whose head noun may be an anaphor ("a request that …", "the plan, which …"). */
    anaphorRelatives: Words.default([]),
    /** Before a trigger that is a subject, with a deontic cue after it, they make requirements on it ("any truce must …"). */
    freeChoiceDeterminers: Words.default([]),
    /** Verbs (every form, no inflection) whose object is who was told, not what was said ("told his counterpart that"). */
    tellingVerbs: Words.default([]),
    /** Words that may follow the speaker of a trailing attribution without making it a clause ("…, Peskov said in a statement on Tuesday"). */
    trailingAttributionWords: Words.default([]),
    /**
     * Conditionals that offer a trade ("in exchange for"): refusing the trade is opposition, where any
     * other condition makes even a refusal conditional. Each must be one of `conditionals`.
     */
    trades: Patterns.default([]),
    /**
     * Trades told as an imperative at the head of a sentence or quotation ("Give us a ceasefire that
     * holds, and we will vote"): the condition runs to the ", and" that joins the promise. Read only
     * there; elsewhere ("if our partners give us guarantees") they are plain words. Each must be one of `trades`.
     */
    imperativeTrades: Patterns.default([]),
    /**
     * Conditionals that tell when, not whether ("once", "as soon as", "the day"): on a clause that
     * names no proposition of its own ("British troops are ready to go once a truce is signed") the
     * condition dates the readiness and is nothing its holder asks for. Each must be one of `conditionals`.
     */
    timeConditions: Patterns.default([]),
    /**
     * Words that open an indirect question ("asked whether …", "had not decided whether …"): the
     * clause one opens asks something and is nobody's stance. Each must also be a boundary, so that
     * it opens a clause.
     */
    questions: Words.default([]),
    /**
     * Subordinators whose clause tells what has not happened yet ("before Russia agrees to any
     * ceasefire", "until a peace agreement is signed"): the time of another event, not the clause
     * subject's stance. Each must also be a boundary or subordinator, so that it opens a clause.
     */
    prospectives: Words.default([]),
    /**
     * Prepositions after which a word for talks, following a plain noun, is what that noun is
     * about or the occasion ("questions in the negotiations", "a date for the next meeting").
     */
    occasionPrepositions: Words.default([]),
    /**
     * Prepositions that, after an act's "-ing" form, bring in the act's object ("the lifting of
     * sanctions", "an easing of restrictions"): the act keeps its sign instead of being read as a
     * noun on its own.
     */
    gerundObjectMarkers: Words.default([]),
    /**
     * Pronouns that, right after a cue, are its object ("tighten them", "agree to it"): when a
     * trigger of the antecedent's topic stands earlier in the same sentence, the pronoun is that
     * thing itself, not the stance taken on it before.
     */
    objectPronouns: Words.default([]),
    /**
     * Words of voting ("vote", "voted", "voting"): an act cue starting with one and with nothing
     * after it in its clause but punctuation or one of `voteEnds` ("with Hungary voting against",
     * "after Hungary voted in favour at a meeting of ambassadors") votes on the thing an earlier
     * clause of its sentence names, whatever stance that clause takes on it.
     */
    voteWords: Words.default([]),
    /** Prepositions that, right after a vote cue, start no object of it ("voted in favour at a meeting"). */
    voteEnds: Words.default([]),
    /** Words that after a comma open an absolute clause of a vote (", with Hungary voting against"). */
    absoluteOpeners: Words.default([]),
    /**
     * Units of time that, right before a subordinator ("two weeks after", "a day after"), measure
     * how long before the news an act in the subordinate clause was done: a recalled act.
     */
    intervalUnits: Words.default([]),
    /**
     * Words that, after a unit of time, tie a span to a meeting ("a day of talks", "five hours of
     * talks"): an opposing act on such a span tells how the meeting went ("ended a day of talks").
     */
    spanLinks: Words.default([]),
    /**
     * Nouns of unnamed sources that, after a comma and before a reporting verb at a sentence's end
     * ("…, officials said", "…, two EU diplomats said"), say who told an act: news, not background.
     */
    reportingSources: Words.default([]),
    /**
     * The auxiliary of a past before the news ("had blocked", "had been preparing"): an act so told
     * by a source after the lead is still background (see `sourcedAfter`).
     */
    pluperfectAuxiliaries: Words.default([]),
    /**
     * Nouns that make what a host receives a meeting ("host the talks", "host the two presidents",
     * "host a third round"): a host verb with an object of none of these, nor a venue context word,
     * hosts something else ("host European matches", "now hosts Russian nuclear weapons", "hosting a
     * conference on reconstruction") and offers no venue.
     */
    meetingGuests: Words.default([]),
    /**
     * The last word of a holder that is an actor's party at a meeting ("Kyiv's delegation",
     * "Ukraine's negotiators"): where such a holder says it will be is where it will meet, so the
     * clause is about a venue ("Ukraine's delegation would be in Istanbul").
     */
    delegationHeads: Words.default([]),
    /**
     * Act verbs (also action cues) that are a stance only on their direct object: "Russia and
     * Ukraine exchanged 300 prisoners of war" is an act of support for the exchange, "the two
     * sides exchanged views on the peace plan" no act on the plan. When no trigger starts in the
     * object (the words up to the first punctuation or preposition), the verb is no cue.
     */
    objectActs: Words.default([]),
    /**
     * Verbs of belief ("believe", "think"): negated, with their own subject after them ("he did not
     * believe Moscow wanted a ceasefire"), the stance is that subject's, denied by the believer.
     */
    beliefVerbs: Words.default([]),
    /**
     * Nouns of evidence ("sign", "indication"): after "no" and before "that" and their own subject
     * ("he saw no sign that Moscow wanted a settlement"), like a denied belief: the stance is that
     * subject's, denied by the one who saw no sign of it, never the seer's own.
     */
    evidenceNouns: Words.default([]),
    /**
     * Words that make an idiom of a locative right before them ("at all", "at once", "at least",
     * "in earnest"): after a meeting's trigger no place is named, so the stance is on the meeting.
     */
    locativeIdioms: Words.default([]),
    /**
     * Labels of a transcript's questioner ("Q:", "Question (state television):", "REPORTER:",
     * "Interviewer:"): a paragraph they open is a question put to the speaker, no one's stance.
     */
    interviewers: Words.default([]),
    /**
     * Prepositions that place what is said in a setting ("not on the table in the current
     * negotiations", "nothing signed in any negotiating room"): a trigger after one, with only
     * words of no item between, names where, not what the stance is about.
     */
    settingPrepositions: Words.default([]),
    /**
     * Words of a time that may stand between an occasion word and the meeting it names ("ahead of
     * this week's summit", "at next week's summit"): the meeting is still the occasion.
     */
    occasionTimes: Words.default([]),
    /**
     * Prepositions of place ("on", "from", "into") and the place words a trigger may be
     * ("territory", "soil"): such a trigger after such a preposition ("strikes on Russian
     * territory", "invade Ukraine from its territory") is where, not territory given up.
     */
    placePrepositions: Words.default([]),
    placeWords: Words.default([]),
    /**
     * Verbs that take back one's own offer or proposal ("withdrew its offer to host the talks",
     * "has retracted its proposal"): the clause says what is no longer offered, which is no stance
     * on what was (withdrawing an offer to host is not opposing talks). Such a clause says nothing.
     */
    retractions: Words.default([]),
    /**
     * "since" before a year ("has hosted four rounds of direct talks since May 2025"): an act the
     * narrator counts from a year before the story's is a tally of earlier acts, background.
     */
    sinceWords: Words.default([]),
    /**
     * Words before a year that date what the narrator tells to it ("met in Istanbul three times in
     * 2025", "granted candidate status in June 2022"): a year before the story's is its background.
     */
    yearWords: Words.default([]),
    /**
     * Subordinating words and phrases ("after", "because", "even as"): a clause one opens (or a frame
     * end such as ", after") has its own subject, so when no actor is named there it takes no holder
     * from the clause before ("… before any peace deal was signed"), unless it opens with a
     * participle ("after meeting Trump"). Bare "as" is also a preposition ("named Turkey as host").
     */
    subordinators: Patterns.default([]),
    /** Words a gap (…) in a pattern never skips: they start a new clause or join two (punctuation stops it too). */
    gapStops: Words.default([]),
    /**
     * Words opening a clause that, with no verb of its own, goes on the clause before: after an
     * outcome ("which led to prisoner exchanges but no ceasefire") it is an outcome too.
     */
    continuers: Words.default([]),
    /**
     * Possessive determiners ("its", "their"): a stance noun after one, right after a cue, is the
     * holder's own stance that the cue acts on ("drop its veto on sanctions"), so its sign counts.
     */
    possessiveDeterminers: Words.default([]),
    /**
     * Nouns that make a proposition's object word an idiom when they follow it closely ("meet the
     * demands", "meet the costs"): the object is then not read after an attitude cue.
     */
    idiomObjects: Words.default([]),
    /**
     * Conditional markers that are also verb cues ("provided"): after a comma and before a subject
     * (a capitalised name, a possessive determiner or a pronoun) the condition, not the verb
     * ("could accept a ceasefire, provided it receives guarantees"; rules@1.70.0).
     */
    commaConditionals: Words.default([]),
    /**
     * Verbs that equate their subject with what follows ("freezing the line does not mean signing it
     * away"): a stance word in the subject before one is named, not taken, and a negator after it
     * denies the equation, not the subject.
     */
    equatives: Words.default([]),
    /**
     * Words that, right after a form of "be" (adverbs and negators between), open a noun phrase as
     * its complement ("a ceasefire is no surrender", "would be a mistake"): the subject is judged
     * by a noun the rules cannot read, so a stance word in it says nothing.
     */
    nominalStarts: Words.default([]),
    /**
     * Words that open a clause a denied equation names ("how", "what": "hitting power plants is not
     * how you show you want peace"): the sentence classifies its subject, and what the clause says is
     * no one's stance.
     */
    equatedClauses: Words.default([]),
    /** Adverbs of focus or degree ("just", "really") skipped inside a verb group or before its complement. */
    focusAdverbs: Words.default([]),
    /**
     * Subjects of no one in particular ("those who want the war to end", "anyone seeking an end to
     * the fighting", "whoever arms the aggressor"): the stance words they govern are not the
     * speaker's own stance, nor any actor's.
     */
    genericSubjects: Words.default([]),
    /**
     * Nouns of no one in particular after an indefinite determiner of `indefiniteDeterminers`
     * ("a country that has joined the sanctions", "any state that sends troops"): a subject like
     * `genericSubjects`, so what its relative clause says describes whoever that is.
     */
    genericNouns: Words.default([]),
    /**
     * "talks", "negotiations": such a word of a meeting topic after a trigger of another topic that
     * ends in one ("accession negotiations … the talks") names the same talks again.
     */
    talkNouns: Words.default([]),
    /** "a", "an", "any", "every": before a word of `genericNouns`. */
    indefiniteDeterminers: Words.default([]),
    /**
     * "former": before an official's title with no name ("a former U.S. ambassador to NATO", "a
     * former US diplomat"), the official no longer speaks for the country (the corpus README: a
     * former official gets no label); such a speaker is read as an analyst is, no stance.
     */
    formerWords: Words.default([]),
    /**
     * "senator", "lawmaker": a single legislator named by title only after an indefinite article
     * ("a US senator in the audience") speaks for no country (the corpus README), as an analyst.
     */
    legislatorTitles: Words.default([]),
    /** "has", "have", "had": an auxiliary between a generic subject's relative and its verb. */
    perfectAuxiliaries: Words.default([]),
    /**
     * Words of a short condition that only defers to the parties or to need ("if asked", "if both
     * sides asked", "tomorrow if necessary"): an offer's courtesy, as a wish is, not a condition on it.
     */
    deferrals: Words.default([]),
    /**
     * "consider", "considered": a verb of `cues` read as conditional ("would consider a ceasefire")
     * that is an appraisal when a word of `appraisals` follows its object ("considered Geneva an
     * appropriate venue", "considers a meeting useful"): a plain support (rules@1.76.0).
     */
    appraisalVerbs: Words.default([]),
    /** "appropriate", "suitable", "useful": a favourable judgement after the object of `appraisalVerbs`. */
    appraisals: Words.default([]),
    /** "to": after a word of `appraisals`, an infinitive that is what is appraised ("necessary to respond"). */
    appraisalInfinitives: Words.default([]),
    /**
     * "declare", "declared": a verb of `cues` read as support ("declared a ceasefire") that declares
     * its object ended when a word of `endings` follows it ("declared the framework dead"): an
     * opposition (rules@1.76.0).
     */
    declarationVerbs: Words.default([]),
    /** "dead", "finished", "over": an object of `declarationVerbs` declared ended. */
    endings: Words.default([]),
    /** "they": a third party in a speaker's quotation (the speaker says "we" of their own side). */
    otherPartyPronouns: Words.default([]),
    /**
     * Nouns for a place described, not named ("in a country that lent its territory"): a meeting
     * placed there is judged by the place, which the rules cannot name.
     */
    placeNouns: Words.default([]),
    /**
     * Words after a meeting trigger that say where its delegates go ("will not send a delegation to
     * Minsk", "to a country from which …"): refusing the place is no refusal of talks.
     */
    destinations: Words.default([]),
    /**
     * Nouns that a story names a proposition's thing with ("a 20th package of sanctions", "the
     * sanctions package", "an aid package"): later in the document, "the package" is that thing
     * again, in any paragraph. Each must also be one of `anaphors`.
     */
    storyNouns: Words.default([]),
    /**
     * Verbs of warning whose object is the one warned ("warned Washington against …", "we warn Berlin
     * plainly: …"): before a preposition or a colon, that mention is no subject. See `warnedAddressee`.
     */
    warnedObjects: Words.default([]),
    /** Between a story noun and the trigger it names ("a package of sanctions"). */
    storyLinks: Words.default([]),
    /**
     * Verbs of leaving ("go"): a proposition's subject that "should go" or "will have to go", with
     * nothing after the verb but punctuation, a conjunction or a determiner, is wanted ended.
     */
    departures: Words.default([]),
    /**
     * The infinitive marker ("to") after places named only as a cue's object: "urged Russia and
     * Ukraine to return to talks" addresses the places' governments, it names no venue.
     */
    addressees: Words.default([]),
    /**
     * Nouns for a document and its parts ("draft", "chapter", "clause"): what one provides ("a
     * chapter under which Ukraine would withdraw", "the revised draft asks Ukraine to …") is no one's stance.
     */
    documentNouns: Words.default([]),
    /**
     * Nouns for the story's act or offer ("decision", "offer", "move"): after one of `ledeArticles`
     * ("the"), in a paragraph after the last stance, the lede's one stance (see `ledeAnaphor`).
     * Each must also be one of `anaphors` (alone or after "the").
     */
    ledeNouns: Words.default([]),
    /** The article before a lede noun ("the"). */
    ledeArticles: Words.default([]),
    /**
     * Nouns for a demand ("demand", "ultimatum"): after one of `ledeArticles`, in a paragraph after
     * the last stance, what the lede's conditional stance asks for, its condition's one supported
     * proposition (see `ledeAnaphor`). Each must also be one of `anaphors`.
     */
    demandNouns: Words.default([]),
    /**
     * Determiners that open a clause's subject ("the", "any", "such"): a subject so opened that a
     * harm (`harms`) follows, in a later paragraph, in a speaker's clause of no stance words or
     * trigger, is the story's act, the lede's one stance, opposed ("Peskov said the delivery would
     * make Germany a party to the conflict"; see `ledeHarm`).
     */
    harmSubjects: Words.default([]),
    /**
     * Words of a reprisal ("respond", "retaliate", "response"): after a modal in a speaker's clause of
     * no stance words or trigger, in a later paragraph, the speaker's opposition to the story's act,
     * the lede's one stance ("Moscow said it would respond"; see `ledeRetaliation`).
     */
    retaliations: Words.default([]),
    /**
     * Words of a warning ("warned", "warning"): a speaker's bare warning with nothing named ("Moscow
     * warned of consequences", "repeated its warning"), in a later paragraph, opposes the story's
     * act, the lede's one stance (see `ledeRetaliation`).
     */
    warnings: Words.default([]),
  })
  .strict();
export type Lexicon = z.infer<typeof Lexicon>;

export const Codebook = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, 'version must be semver, e.g. "1.2.0"'),
    description: z.string().optional(),
    actors: z.array(Actor).min(1),
    classes: z.record(z.string().regex(kebab), z.array(z.string().min(1)).min(1)).default({}),
    topics: z.array(Topic).min(1),
    venues: Venues,
    lexicon: Lexicon,
  })
  .strict()
  .superRefine((codebook, ctx) => {
    const seen = new Set<string>();
    codebook.actors.forEach((actor, index) => {
      if (seen.has(actor.id))
        ctx.addIssue({ code: 'custom', path: ['actors', index, 'id'], message: `duplicate actor id "${actor.id}"` });
      seen.add(actor.id);
    });
    const topics = new Set<string>();
    codebook.topics.forEach((topic, index) => {
      if (topics.has(topic.id))
        ctx.addIssue({ code: 'custom', path: ['topics', index, 'id'], message: `duplicate topic id "${topic.id}"` });
      topics.add(topic.id);
      const propositions = new Set<string>();
      topic.propositions.forEach((proposition, p) => {
        if (propositions.has(proposition.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['topics', index, 'propositions', p, 'id'],
            message: `duplicate proposition id "${proposition.id}" in topic "${topic.id}"`,
          });
        }
        propositions.add(proposition.id);
        proposition.presumes.forEach((key, k) => {
          const [topicId, propositionId] = key.split('/');
          if (!codebook.topics.some((t) => t.id === topicId && t.propositions.some((q) => q.id === propositionId))) {
            ctx.addIssue({
              code: 'custom',
              path: ['topics', index, 'propositions', p, 'presumes', k],
              message: `unknown proposition "${key}"`,
            });
          }
        });
        const slotDefault = proposition.slot?.default;
        if (slotDefault && !seen.has(slotDefault)) {
          ctx.addIssue({
            code: 'custom',
            path: ['topics', index, 'propositions', p, 'slot', 'default'],
            message: `unknown actor "${slotDefault}"`,
          });
        }
      });
    });
    const meeting = codebook.venues.meeting;
    if (
      meeting &&
      !codebook.topics.some(
        (topic) => topic.id === meeting.topic && topic.propositions.some((p) => p.id === meeting.proposition),
      )
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['venues', 'meeting'],
        message: `unknown proposition "${meeting.proposition}" of topic "${meeting.topic}"`,
      });
    }
    const classRef = /\{([^}]*)\}/g;
    const checkPatterns = (patterns: string[], path: (string | number)[]) => {
      patterns.forEach((pattern, index) => {
        for (const match of pattern.matchAll(classRef)) {
          const name = match[1] ?? '';
          if (!(name in codebook.classes)) {
            ctx.addIssue({ code: 'custom', path: [...path, index], message: `unknown word class {${name}}` });
          }
        }
      });
    };
    codebook.topics.forEach((topic, t) => {
      topic.propositions.forEach((proposition, p) => {
        checkPatterns(proposition.triggers, ['topics', t, 'propositions', p, 'triggers']);
        checkPatterns(proposition.inverters, ['topics', t, 'propositions', p, 'inverters']);
      });
    });
    codebook.lexicon.cues.forEach((group, g) => {
      checkPatterns(group.patterns, ['lexicon', 'cues', g, 'patterns']);
    });
    const conditionals = new Set(codebook.lexicon.conditionals.map((pattern) => pattern.toLowerCase()));
    codebook.lexicon.trades.forEach((trade, index) => {
      if (!conditionals.has(trade.toLowerCase())) {
        ctx.addIssue({
          code: 'custom',
          path: ['lexicon', 'trades', index],
          message: `trade "${trade}" is not one of lexicon.conditionals`,
        });
      }
    });
  });
export type Codebook = z.infer<typeof Codebook>;
