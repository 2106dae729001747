/** Turns an ISO date ("2025-10-28") or timestamp into a full ISO timestamp (midnight UTC for dates). */
export function toTimestamp(dateOrTimestamp: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(dateOrTimestamp)) return `${dateOrTimestamp}T00:00:00.000Z`;
  return new Date(dateOrTimestamp).toISOString();
}

/** The calendar date (UTC) of an ISO date or timestamp. */
export const toCalendarDate = (dateOrTimestamp: string): string => toTimestamp(dateOrTimestamp).slice(0, 10);
