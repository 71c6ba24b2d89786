/**
 * Minutes in a duration typed by an admin: `2h`, `90m`, `1h30m`, `1.5h`, `2d` (24 h days).
 * Returns null when the text is not a duration with a unit.
 */
export function parseDurationMinutes(text: string): number | null {
  const match = /^(?:(\d+(?:\.\d+)?)d)?(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?:in)?)?$/i.exec(text.trim());
  if (!match || text.trim() === '' || (!match[1] && !match[2] && !match[3])) return null;
  const [, days = '0', hours = '0', minutes = '0'] = match;
  return Math.round(Number(days) * 1440 + Number(hours) * 60 + Number(minutes));
}
