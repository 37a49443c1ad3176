const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * "5 minutes ago", "yesterday" in the given locale for the last week; older moments get their
 * date. The exact date and time stay in the <time> element's title.
 */
export function relativeTime(value: string, locale: string, now: number = Date.now()): string {
  const date = new Date(value);
  const elapsed = date.getTime() - now;
  if (Math.abs(elapsed) >= 7 * 86_400_000) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
  }
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return format.format(Math.trunc(elapsed / size), unit);
  }
  return format.format(0, 'second');
}
