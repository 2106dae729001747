import type { Codebook } from '../codebook/schema';

/**
 * What the model may answer with, taken from the codebook: the actor ids, the topics and their
 * propositions (with the slot namespaces the rules fill, e.g. "sanctions:<actor>"), and the venue
 * topic with its places. The prompt is written from it and every answer is checked against it, so
 * ids stay canonical whatever the model writes.
 */

export interface CatalogueProposition {
  /** The plain id ("cede-territory"), or the namespace of a slotted proposition ("sanctions"). */
  id: string;
  label?: string;
  /** Slotted: the id is `<namespace>:<actor id>`; `defaultTarget` when the text names no target. */
  slotted: boolean;
  defaultTarget?: string;
}

export interface CatalogueTopic {
  id: string;
  label?: string;
  propositions: CatalogueProposition[];
}

export interface CatalogueActor {
  id: string;
  kind: 'country' | 'organisation';
  names: string[];
  /** "Volodymyr Zelensky (President of Ukraine)". */
  people: Array<{ name: string; aliases: string[]; title?: string }>;
  capitals: string[];
  institutions: string[];
}

export interface Catalogue {
  codebookVersion: string;
  actors: CatalogueActor[];
  topics: CatalogueTopic[];
  /** The venue topic: propositions `<venueTopic>:any` and `<venueTopic>:<country id>`. */
  venueTopic: string;
  /** Countries a venue may name: country actors and the countries of the gazetteer's places. */
  venueCountries: string[];
  /** Gazetteer places and the country each stands for ("Istanbul" → "turkey"). */
  venuePlaces: Array<{ name: string; country: string }>;
  isActor(id: string): boolean;
  isTopic(id: string): boolean;
  isProposition(topic: string, proposition: string): boolean;
  /** Full names and aliases of the codebook's people, for checking a `speaker`. */
  personNames(): ReadonlyMap<string, string[]>;
}

export function catalogueFrom(codebook: Codebook): Catalogue {
  const actors: CatalogueActor[] = codebook.actors.map((actor) => ({
    id: actor.id,
    kind: actor.kind,
    names: actor.names,
    people: actor.people.map((person) => ({
      name: person.name,
      aliases: person.aliases,
      ...(person.title ? { title: person.title } : {}),
    })),
    capitals: actor.capitals,
    institutions: actor.institutions,
  }));
  const actorIds = new Set(actors.map((actor) => actor.id));
  const topics: CatalogueTopic[] = codebook.topics.map((topic) => ({
    id: topic.id,
    ...(topic.label ? { label: topic.label } : {}),
    propositions: topic.propositions.map((proposition) => ({
      id: proposition.slot ? proposition.slot.namespace : proposition.id,
      ...(proposition.label ? { label: proposition.label } : {}),
      slotted: proposition.slot !== undefined,
      ...(proposition.slot?.default ? { defaultTarget: proposition.slot.default } : {}),
    })),
  }));
  const venueTopic = codebook.venues.topic;
  const venueCountries = [
    ...new Set([
      ...codebook.actors.filter((actor) => actor.kind === 'country').map((actor) => actor.id),
      ...codebook.venues.places.map((place) => place.country),
    ]),
  ].sort();
  const venueCountrySet = new Set(venueCountries);

  // Allowed proposition ids per topic. A slotted proposition is valid with any actor in its slot;
  // its plain id only when the slot has no default (as the rules write it when nothing fills it).
  const allowed = new Map<string, { plain: Set<string>; namespaces: Set<string> }>();
  for (const topic of codebook.topics) {
    const entry = { plain: new Set<string>(), namespaces: new Set<string>() };
    for (const proposition of topic.propositions) {
      if (!proposition.slot?.default) entry.plain.add(proposition.id);
      if (proposition.slot) entry.namespaces.add(proposition.slot.namespace);
    }
    const existing = allowed.get(topic.id);
    if (existing) {
      for (const id of entry.plain) existing.plain.add(id);
      for (const ns of entry.namespaces) existing.namespaces.add(ns);
    } else allowed.set(topic.id, entry);
  }

  const people = new Map<string, string[]>();
  for (const actor of codebook.actors) {
    for (const person of actor.people) people.set(person.name, [person.name, ...person.aliases]);
  }

  return {
    codebookVersion: codebook.version,
    actors,
    topics,
    venueTopic,
    venueCountries,
    venuePlaces: codebook.venues.places.map((place) => ({ name: place.name, country: place.country })),
    isActor: (id) => actorIds.has(id),
    isTopic: (id) => id === venueTopic || allowed.has(id),
    isProposition: (topic, proposition) => {
      if (topic === venueTopic) {
        const [namespace, target, ...rest] = proposition.split(':');
        return namespace === venueTopic && rest.length === 0 && (target === 'any' || venueCountrySet.has(target ?? ''));
      }
      const entry = allowed.get(topic);
      if (!entry) return false;
      if (entry.plain.has(proposition)) return true;
      const [namespace, target, ...rest] = proposition.split(':');
      return rest.length === 0 && entry.namespaces.has(namespace ?? '') && actorIds.has(target ?? '');
    },
    personNames: () => people,
  };
}
