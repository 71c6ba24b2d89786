/**
 * Webpack loader for `translations/<locale>.json?part=firstPaint|sidebar|pages`: a third of a catalog, so each
 * chunk carries only the texts it shows. The sidebar's first paint loads the board's texts in the agent's
 * language; the full sidebar adds the rest of its own (settings problems, errors, the answers panel, the trend
 * lines); the nav_bar page adds its own (studio, team page, summaries). `?part=startup` is the few first-paint
 * texts main.js carries in English for the views drawn before the agent's language is known (loading, not in
 * Zendesk, failed to start). The Marketplace listing's texts are in no bundle: Zendesk reads translations/
 * itself, untouched by this loader.
 */
const RULES = [
  // Most specific first: the first prefix that matches a key decides its part.
  ['app.name', 'firstPaint'],
  // Settings' names: an admin's settings problems in the sidebar name the setting.
  ['app.parameters', 'sidebar'],
  ['app', 'pages'],
  ['ui.studio', 'pages'],
  ['ui.team', 'pages'],
  ['ui.review', 'pages'],
  ['ui.nav', 'pages'],
  ['ui.answers.open', 'firstPaint'],
  ['ui.answers.loading', 'firstPaint'],
  ['ui.answers.failed', 'firstPaint'],
  ['ui.answers', 'sidebar'],
  ['ui.settingsProblems', 'sidebar'],
  ['ui.problems', 'sidebar'],
  ['ui.unavailable', 'sidebar'],
  ['ui.stale', 'sidebar'],
  // The trend lines are drawn after the first paint (their own chunk), which loads these with them.
  ['ui.trend', 'sidebar'],
  // The first paint shows its nudges as they were worded (lastBoard.ts); the engine's board words them anew.
  ['ui.nudges', 'sidebar'],
];
const PARTS = ['firstPaint', 'sidebar', 'pages'];
/** First-paint texts of the views drawn before the agent's language is known (StartupView, the crash view). */
const STARTUP_KEYS = [
  'app.name',
  'ui.loading',
  'ui.outsideZendesk',
  'ui.startupFailed',
  'ui.tryAgain',
  'ui.crashed',
];

const partOf = (path) =>
  RULES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`))?.[1] ?? 'firstPaint';

/** The texts whose paths pass `keep`, nested as in the catalog; sections with none of them are left out. */
function selected(catalog, keep, prefix = '') {
  const kept = {};
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix + key;
    if (typeof value === 'object' && value !== null) {
      const section = selected(value, keep, `${path}.`);
      if (Object.keys(section).length > 0) kept[key] = section;
    } else if (keep(path)) {
      kept[key] = value;
    }
  }
  return kept;
}

/** One part of a catalog, or its startup texts (a subset of the first paint's). */
function catalogPart(catalog, part) {
  if (part === 'startup') return selected(catalog, (path) => STARTUP_KEYS.includes(path));
  return selected(catalog, (path) => partOf(path) === part);
}

module.exports = function catalogPartLoader(source) {
  const part = new URLSearchParams(this.resourceQuery.slice(1)).get('part');
  if (part !== 'startup' && !PARTS.includes(part)) throw new Error(`Unknown catalog part "${part}"`);
  // An ES module rather than JSON: a lazy chunk of JSON would need webpack's namespace shim in main.js.
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(catalogPart(JSON.parse(source), part)))});`;
};
module.exports.catalogPart = catalogPart;
module.exports.PARTS = PARTS;
module.exports.STARTUP_KEYS = STARTUP_KEYS;
module.exports.partOf = partOf;
