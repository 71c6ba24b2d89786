/**
 * Webpack loader for `translations/<locale>.json?part=firstPaint|sidebar|pages`: a third of a catalog, so each
 * bundle carries only the texts it shows. The sidebar's first paint (main.js, on every ticket) has the board's
 * texts; the full sidebar adds the rest of its own (settings problems, errors, the answers panel); the nav_bar
 * page adds its own (studio, team page, summaries). The Marketplace listing's texts are in no bundle: Zendesk
 * reads translations/ itself, untouched by this loader.
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
];
const PARTS = ['firstPaint', 'sidebar', 'pages'];

const partOf = (path) =>
  RULES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`))?.[1] ?? 'firstPaint';

/** The texts of one part, nested as in the catalog; sections with none of its texts are left out. */
function catalogPart(catalog, part, prefix = '') {
  const kept = {};
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix + key;
    if (typeof value === 'object' && value !== null) {
      const section = catalogPart(value, part, `${path}.`);
      if (Object.keys(section).length > 0) kept[key] = section;
    } else if (partOf(path) === part) {
      kept[key] = value;
    }
  }
  return kept;
}

module.exports = function catalogPartLoader(source) {
  const part = new URLSearchParams(this.resourceQuery.slice(1)).get('part');
  if (!PARTS.includes(part)) throw new Error(`Unknown catalog part "${part}"`);
  return JSON.stringify(catalogPart(JSON.parse(source), part));
};
module.exports.catalogPart = catalogPart;
module.exports.PARTS = PARTS;
module.exports.partOf = partOf;
