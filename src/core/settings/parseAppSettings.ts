import type { MessageValue } from '../goals/message';
import type {
  AppSettings,
  ParsedSettings,
  SettingsProblem,
  TeamScope,
  TimeBasis,
  WeekStart,
  WorkingHours,
} from './appSettings';
import { DEFAULT_GOALS } from './defaultGoals';
import type { NudgeRuleId } from '../nudges/nudge';
import { NUDGE_RULE_IDS } from '../nudges/nudge';
import { nearestWord, parseGoalLines } from './parseGoalLines';
import { parseWorkingHours } from './parseWorkingHours';

/** The manifest's parameter names; manifest.json and translations use exactly these. */
export const SETTING_NAMES = [
  'goals',
  'workingHours',
  'weekStart',
  'teamScope',
  'timeBasis',
  'refreshMinutes',
  'nudgesEnabled',
  'disabledNudges',
  'csatMinimumRatings',
  'goalsReviewedOn',
  'nudgeRepeatMinutes',
  'teamLeadsGroup',
] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

// Maps: a value such as `constructor` must be refused, not found on Object.prototype.
const WEEK_STARTS: ReadonlyMap<string, WeekStart> = new Map([
  ['sunday', 0],
  ['monday', 1],
  ['saturday', 6],
]);
const TEAM_SCOPES: ReadonlyMap<string, TeamScope> = new Map([
  ['default_group', 'defaultGroup'],
  ['all_groups', 'allGroups'],
]);
const TIME_BASES: readonly TimeBasis[] = ['business', 'calendar'];

const DEFAULT_WORKING_HOURS: WorkingHours = {
  days: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 17 * 60,
};

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function asBoolean(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  const word = asText(value).trim().toLowerCase();
  if (word === 'true') return true;
  if (word === 'false') return false;
  return fallback;
}

/** The rule ids in *Switched-off nudges*; a word that is no rule is reported, with the nearest id. */
function readDisabledRules(
  value: string,
  problem: (setting: SettingName, value: string, code: string, params?: Record<string, MessageValue>) => void,
): NudgeRuleId[] {
  const ids: NudgeRuleId[] = [];
  for (const word of value.split(',').map((rule) => rule.trim().toLowerCase())) {
    if (word === '') continue;
    const id = RULE_IDS.get(word);
    if (id !== undefined) {
      ids.push(id);
      continue;
    }
    const suggestion = word.length <= 40 ? nearestWord(word, RULE_IDS) : null;
    if (suggestion !== null)
      problem('disabledNudges', word, 'unknownNudgeRuleSuggestion', {
        rule: { type: 'text', value: word },
        suggestion: { type: 'text', value: suggestion },
      });
    else
      problem('disabledNudges', word, 'unknownNudgeRule', {
        rule: { type: 'text', value: word },
        rules: { type: 'text', value: NUDGE_RULE_IDS.join(', ') },
      });
  }
  return ids;
}

const RULE_IDS: ReadonlyMap<string, NudgeRuleId> = new Map(NUDGE_RULE_IDS.map((id) => [id, id]));

/**
 * Reads every app setting as Zendesk delivers them (strings, numbers, booleans), falling back to the
 * default — with a problem the admin can read — wherever a value is unusable. `now` (epoch ms), when
 * given, lets a review date in the future be reported; the core never reads the clock itself.
 */
export function parseAppSettings(raw: Readonly<Record<string, unknown>>, now?: number): ParsedSettings {
  const problems: SettingsProblem[] = [];
  const problem = (
    setting: SettingName,
    value: string,
    code: string,
    params: Record<string, MessageValue> = {},
  ) =>
    problems.push({
      setting,
      line: null,
      text: value,
      message: { key: `ui.settingsProblems.${code}`, params },
    });

  const goalsText = asText(raw.goals);
  const parsedGoals = parseGoalLines(goalsText);
  problems.push(...parsedGoals.problems);
  const hasGoalLines = parsedGoals.goals.length > 0 || parsedGoals.problems.length > 0;
  // Silently swapping in defaults would hide the admin's mistakes behind goals they never chose.
  if (parsedGoals.goals.length === 0 && parsedGoals.problems.length > 0) problem('goals', '', 'noValidGoals');

  const workingHoursText = asText(raw.workingHours).trim();
  let workingHours = DEFAULT_WORKING_HOURS;
  if (workingHoursText !== '') {
    const result = parseWorkingHours(workingHoursText);
    if (result.ok) workingHours = result.value;
    else problem('workingHours', workingHoursText, `workingHours_${result.reason}`);
  }

  const weekStartText = asText(raw.weekStart).trim().toLowerCase();
  const weekStartsOn = WEEK_STARTS.get(weekStartText || 'monday');
  if (weekStartsOn === undefined) problem('weekStart', weekStartText, 'badWeekStart');

  const teamScopeText = asText(raw.teamScope).trim().toLowerCase();
  const teamScope = TEAM_SCOPES.get(teamScopeText || 'default_group');
  if (teamScope === undefined) problem('teamScope', teamScopeText, 'badTeamScope');

  const timeBasisText = asText(raw.timeBasis).trim().toLowerCase() || 'business';
  const timeBasis = TIME_BASES.find((basis) => basis === timeBasisText);
  if (timeBasis === undefined) problem('timeBasis', timeBasisText, 'badTimeBasis');

  const readNumber = (name: SettingName, fallback: number, min: number, max: number): number => {
    const valueText = asText(raw[name]).trim();
    if (valueText === '') return fallback;
    const value = Number(valueText);
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    problem(name, valueText, 'numberOutOfRange', {
      min: { type: 'count', value: min },
      max: { type: 'count', value: max },
    });
    return fallback;
  };

  const reviewedText = asText(raw.goalsReviewedOn).trim();
  let goalsReviewedOn: string | null = null;
  if (reviewedText !== '') {
    const isDate =
      /^\d{4}-\d{2}-\d{2}$/.test(reviewedText) && !Number.isNaN(Date.parse(`${reviewedText}T00:00:00Z`));
    const isRealDate = isDate && new Date(`${reviewedText}T00:00:00Z`).toISOString().startsWith(reviewedText);
    // A day ahead of UTC's today is allowed: somewhere on Earth it is already that date.
    const isFuture = now !== undefined && Date.parse(`${reviewedText}T00:00:00Z`) > now + 86_400_000;
    if (!isRealDate) problem('goalsReviewedOn', reviewedText, 'badReviewDate');
    else if (isFuture) problem('goalsReviewedOn', reviewedText, 'futureReviewDate');
    else goalsReviewedOn = reviewedText;
  }

  // The group whose members see their own groups' team page; empty: admins only.
  const teamLeadsText = asText(raw.teamLeadsGroup).trim();
  let teamLeadsGroupId: number | null = null;
  if (teamLeadsText !== '') {
    const id = Number(teamLeadsText);
    if (Number.isSafeInteger(id) && id > 0) teamLeadsGroupId = id;
    else problem('teamLeadsGroup', teamLeadsText, 'badGroupId');
  }

  const settings: AppSettings = {
    goals: hasGoalLines ? parsedGoals.goals : DEFAULT_GOALS,
    workingHours,
    weekStartsOn: weekStartsOn ?? 1,
    teamScope: teamScope ?? 'defaultGroup',
    timeBasis: timeBasis ?? 'business',
    refreshMinutes: readNumber('refreshMinutes', 5, 2, 60),
    nudgesEnabled: asBoolean(raw.nudgesEnabled, true),
    disabledNudgeRules: readDisabledRules(asText(raw.disabledNudges), problem),
    csatMinimumRatings: readNumber('csatMinimumRatings', 10, 1, 1000),
    nudgeRepeatMinutes: readNumber('nudgeRepeatMinutes', 30, 5, 480),
    goalsReviewedOn,
    teamLeadsGroupId,
  };
  return { settings, problems };
}
