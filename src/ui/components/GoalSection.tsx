import { SM, XL } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import { goalKey } from '../../core/goals/goal';
import type { GoalProgress } from '../../core/metrics/goalProgress';
import type { GoalTrend } from '../../core/trends/goalTrend';
import { GoalRow } from './GoalRow';

const StyledHeading = styled(XL)`
  margin: ${(p) => p.theme.space.xs} 0;
  font-size: ${(p) => p.theme.fontSizes.md};
`;

const StyledList = styled.ul`
  margin: 0 0 ${(p) => p.theme.space.sm};
  padding: 0;
`;

/** A titled list of goals ("My goals", "Team goals"); nothing when there are none. */
export function GoalSection({
  title,
  progress,
  now,
  note = null,
  headingTag = 'h2',
  trends = [],
  regionLabel = title,
}: {
  title: string;
  progress: readonly GoalProgress[];
  now: number;
  note?: string | null;
  /** The sidebar's sections are the page's h2s; a preview inside the studio nests them deeper. */
  headingTag?: 'h2' | 'h3' | 'h4';
  trends?: readonly GoalTrend[];
  /** The region's name where several sections share a title (one per agent on the team page). */
  regionLabel?: string;
}) {
  if (progress.length === 0) return null;
  return (
    <section aria-label={regionLabel}>
      <StyledHeading tag={headingTag}>{title}</StyledHeading>
      {note && <SM>{note}</SM>}
      <StyledList>
        {progress.map((p) => (
          <GoalRow
            key={goalKey(p.goal)}
            progress={p}
            now={now}
            trend={trends.find((trend) => goalKey(trend.goal) === goalKey(p.goal)) ?? null}
          />
        ))}
      </StyledList>
    </section>
  );
}
