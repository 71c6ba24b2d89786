/**
 * The pseudo-locale `en-XA` (simulator and test builds only): English with accented letters, bracketed and
 * padded to at least 40 % longer, the length German and French often reach. It finds text that would clip at
 * 320 px in a language nobody on the team reads, and any string that skips the catalog (it stays plain).
 */
export const PSEUDO_LOCALE = 'en-XA';

const ACCENTED: Readonly<Record<string, string>> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ó',
  u: 'ú',
  y: 'ý',
  c: 'ç',
  n: 'ñ',
  s: 'š',
  z: 'ž',
  A: 'Á',
  E: 'É',
  I: 'Í',
  O: 'Ó',
  U: 'Ú',
  Y: 'Ý',
  C: 'Ç',
  N: 'Ñ',
  S: 'Š',
  Z: 'Ž',
};
const GROWTH = 1.4;

/** A catalog template in the pseudo-locale; `{{placeholders}}` are kept as they are. */
export function pseudoLocalized(template: string): string {
  const parts = template.split(/(\{\{\w+\}\})/);
  const accented = parts
    .map((part) => (part.startsWith('{{') ? part : part.replace(/[a-zA-Z]/g, (c) => ACCENTED[c] ?? c)))
    .join('');
  const visibleLength = parts.filter((part) => !part.startsWith('{{')).join('').length;
  // Brackets and a space are 3 of the extra characters; the rest is words, so lines can still wrap where a
  // real translation's would.
  const needed = Math.max(1, Math.ceil(visibleLength * (GROWTH - 1)) - 3);
  let filler = 'ŵőŕđ';
  while (filler.length < needed) filler += ' ŵőŕđ';
  return `[${accented} ${filler}]`;
}
