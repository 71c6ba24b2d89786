/** Types for catalogPartLoader.js (a webpack loader, plain CommonJS so webpack loads it without a build). */
export type CatalogPart = 'firstPaint' | 'sidebar' | 'pages';
export const PARTS: readonly CatalogPart[];
export function partOf(path: string): CatalogPart;
export const STARTUP_KEYS: readonly string[];
export function catalogPart(
  catalog: Record<string, unknown>,
  part: CatalogPart | 'startup',
): Record<string, unknown>;
