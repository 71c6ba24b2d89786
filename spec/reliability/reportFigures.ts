/**
 * The reliability suite prints what it tried, so a CI log shows the figures (inputs, throws, recoveries)
 * next to the pass. Written to stdout directly: jest's console wrapper adds stack noise.
 */
export function reportFigures(suite: string, figures: Readonly<Record<string, number | string>>): void {
  const parts = Object.entries(figures).map(([name, value]) => `${name}=${value}`);
  process.stdout.write(`[reliability] ${suite}: ${parts.join(' ')}\n`);
}
