import * as chrono from 'chrono-node/en';

/**
 * When a statement was made, from the reporting clause only ("On October 28, Zelensky said…",
 * "…, Peskov said on Monday"): a date inside what was said ("officials will meet this weekend") is
 * about something else. Resolved against the publication date with chrono-node; a statement cannot
 * be made after it was published, so a weekday that chrono places later is taken from the week
 * before, and anything else in the future is ignored.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** A cheap test before chrono: most reporting clauses carry no date at all. */
const DATE_WORDS =
  /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|ago|week|weekend|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\d{4}-\d{2}-\d{2}|\b\d{1,2}\/\d{1,2}\b/i;

/** The calendar date (YYYY-MM-DD) of an ISO date or timestamp. */
export function calendarDate(publishedAt: string): string {
  return publishedAt.slice(0, 10);
}

const toIsoDate = (date: Date) => date.toISOString().slice(0, 10);

const MEMO_LIMIT = 5_000;

/**
 * Resolves the dates written in reporting clauses, for one extractor. chrono costs a fraction of a
 * millisecond per call, and feeds repeat the same phrases ("on Monday") for documents of the same
 * date: results are memoised per (phrase window, publication date), at most MEMO_LIMIT of them
 * (the memo is emptied when full). The memo only saves time: the
 * answer is chrono's either way.
 */
export class StatementDates {
  private readonly memo = new Map<string, Map<string, string | undefined>>();
  private memoSize = 0;
  /** The calendar date of the last publication date seen (a feed's documents share theirs). */
  private lastPublishedAt: string | undefined;
  private lastDay = '';

  /** The date written in a reporting clause, or undefined when it has none. */
  resolve(reportingClause: string, publishedAt: string): string | undefined {
    const hit = DATE_WORDS.exec(reportingClause);
    if (!hit) return undefined;
    // chrono reads only the words around the date word: its cost grows with the text it scans.
    const from = Math.max(0, reportingClause.lastIndexOf(' ', Math.max(0, hit.index - 12)));
    const to = reportingClause.indexOf(' ', Math.min(reportingClause.length, hit.index + hit[0].length + 12));
    const window = reportingClause.slice(from, to < 0 ? undefined : to).trim();
    // By calendar date of publication, then window (no key string to build per call).
    if (publishedAt !== this.lastPublishedAt) {
      this.lastPublishedAt = publishedAt;
      this.lastDay = calendarDate(publishedAt);
    }
    const day = this.lastDay;
    let byWindow = this.memo.get(day);
    if (byWindow?.has(window)) return byWindow.get(window);
    const resolved = resolve(window, publishedAt);
    if (this.memoSize >= MEMO_LIMIT) {
      this.memo.clear();
      this.memoSize = 0;
      byWindow = undefined;
    }
    if (!byWindow) {
      byWindow = new Map();
      this.memo.set(day, byWindow);
    }
    byWindow.set(window, resolved);
    this.memoSize += 1;
    return resolved;
  }
}

function resolve(reportingClause: string, publishedAt: string): string | undefined {
  const published = calendarDate(publishedAt);
  const reference = new Date(`${published}T12:00:00Z`);
  if (Number.isNaN(reference.getTime())) return undefined;
  const results = chrono.parse(reportingClause, { instant: reference, timezone: 'UTC' });
  for (const result of results) {
    const start = result.start;
    // A month or a year alone ("this month", "in 2024") is not a date something was said on.
    const dayKnown =
      start.isCertain('day') || start.isCertain('weekday') || /yesterday|today|ago|last week/i.test(result.text);
    if (!dayKnown) continue;
    let date = start.date();
    if (toIsoDate(date) > published) {
      if (start.isCertain('weekday') && !start.isCertain('day')) date = new Date(date.getTime() - 7 * DAY_MS);
      else if (!start.isCertain('year') && start.isCertain('month')) {
        date = new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate(), 12));
      } else continue;
    }
    if (toIsoDate(date) > published) continue;
    return toIsoDate(date);
  }
  return undefined;
}
