import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogPart, partOf, STARTUP_KEYS } from '../../scripts/catalogPartLoader';
import { leaves, namedBy, sourceFiles } from '../ui/i18n/catalogKeys';

const root = join(__dirname, '../..');
const src = (...paths: string[]) => paths.flatMap((path) => sourceFiles(join(root, 'src', path)));
const english = JSON.parse(readFileSync(join(root, 'translations/en.json'), 'utf8')) as Record<
  string,
  unknown
>;

/**
 * What the first paint draws with main.js and the agent's board texts: the board from the last board, and the
 * loading and failed views.
 */
const FIRST_PAINT = src(
  'ui/LastBoardApp.tsx',
  'ui/StartupView.tsx',
  'ui/SidebarProviders.tsx',
  'ui/components/GoalBoardView.tsx',
  'ui/components/GoalSection.tsx',
  'ui/components/GoalRow.tsx',
  'ui/components/StatusTag.tsx',
  'ui/components/goalText.ts',
  'ui/components/NudgeList.tsx',
  'ui/components/FreshnessFooter.tsx',
  'ui/components/GapsNotice.tsx',
  'ui/components/GoalAnswers.tsx',
);
/** The views drawn before the agent's language is known, in main.js's English startup texts. */
const BEFORE_THE_LANGUAGE = src('ui/StartupView.tsx');
/**
 * What the full sidebar adds once its chunk (and the catalog's `sidebar` part) has loaded; trend lines too, and
 * the nudges' wording (a first paint shows its nudges as they were worded).
 */
const REST_OF_SIDEBAR = src(
  'ui/components/TrendLine.tsx',
  'core/nudges',
  'ui/GoalpostApp.tsx',
  'ui/components/BoardNotices.tsx',
  'ui/components/DataNotice.tsx',
  'ui/components/SettingsProblemsNotice.tsx',
  'ui/components/SettingsProblemItem.tsx',
  'ui/components/GoalAnswersPanel.tsx',
  'core/settings',
);

describe('the catalog parts', () => {
  const keys = leaves(english);

  it('put every text the first paint shows in the part main.js carries', () => {
    const named = namedBy(FIRST_PAINT);
    expect(keys.filter((key) => named(key) && partOf(key) !== 'firstPaint')).toEqual([]);
  });

  it('give main.js, in English, the texts of every view drawn before the agent’s language is known', () => {
    const named = namedBy(BEFORE_THE_LANGUAGE);
    const startup = leaves(catalogPart(english, 'startup'));
    expect(keys.filter((key) => named(key) && !startup.includes(key))).toEqual([]);
    expect(startup.sort()).toEqual([...STARTUP_KEYS].sort());
    // A subset of the board's texts: the agent's language's part says them all again, in that language.
    expect(startup.filter((key) => partOf(key) !== 'firstPaint')).toEqual([]);
  });

  it('put every text the rest of the sidebar shows in a part the sidebar loads', () => {
    const named = namedBy(REST_OF_SIDEBAR);
    expect(keys.filter((key) => named(key) && partOf(key) === 'pages')).toEqual([]);
  });

  it('split a catalog without losing or repeating a text', () => {
    const parts = (['firstPaint', 'sidebar', 'pages'] as const).map((part) =>
      leaves(catalogPart(english, part)),
    );
    expect(parts.flat().sort()).toEqual([...keys].sort());
    expect(parts[0]).toContain('app.name');
    expect(parts[1]).toContain('app.parameters.goals.label');
    expect(parts[2]).toContain('app.long_description');
  });
});
