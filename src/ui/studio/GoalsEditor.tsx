import { getColor } from '@zendeskgarden/react-theming';
import type { ChangeEvent, Ref } from 'react';
import { useRef } from 'react';
import styled from 'styled-components';

// The gutter and the text share font, size, line height and top padding, so line N of each sit side by side;
// the text does not wrap, so one line of text is one line on screen.
const LINE_HEIGHT = 1.5;

const StyledFrame = styled.div`
  display: flex;
  border: ${(p) => p.theme.borders.sm} ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
  border-radius: ${(p) => p.theme.borderRadii.md};
  font-family: ${(p) => p.theme.fonts.mono};
  font-size: ${(p) => p.theme.fontSizes.md};
  line-height: ${LINE_HEIGHT};
  &:focus-within {
    outline: ${(p) => p.theme.borderWidths.md} solid
      ${(p) => getColor({ theme: p.theme, variable: 'border.primaryEmphasis' })};
  }
`;

const StyledGutter = styled.div`
  flex: none;
  min-width: 4.5ch;
  padding: ${(p) => p.theme.space.xs} ${(p) => p.theme.space.xxs};
  overflow: hidden;
  text-align: end;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  background: ${(p) => getColor({ theme: p.theme, variable: 'background.subtle' })};
  user-select: none;
`;

const StyledProblemLine = styled.div`
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.danger' })};
  font-weight: ${(p) => p.theme.fontWeights.bold};
`;

const StyledText = styled.textarea`
  flex: 1;
  box-sizing: border-box;
  min-height: 14em;
  margin: 0;
  padding: ${(p) => p.theme.space.xs};
  border: none;
  outline: none;
  resize: vertical;
  font: inherit;
  line-height: inherit;
  white-space: pre;
  overflow-wrap: normal;
  overflow-x: auto;
  color: inherit;
  background: transparent;
`;

/** Puts the caret on a line and selects it, so "go to line 4" lands where the problem is. */
export function selectLine(textarea: HTMLTextAreaElement, line: number): void {
  const lines = textarea.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
  const end = start + (lines[line - 1]?.length ?? 0);
  textarea.focus();
  textarea.setSelectionRange(start, end);
  // Bring the line into view: the text does not wrap, so its offset is its index times the line height.
  const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 0;
  textarea.scrollTop = Math.max(0, (line - 2) * lineHeight);
}

/**
 * The Goals text with line numbers beside it, problem lines marked with a sign as well as colour. The
 * gutter is decoration for sighted users: the problems list names each line for everyone.
 */
export function GoalsEditor({
  id,
  describedBy,
  value,
  problemLines,
  onChange,
  textRef,
}: {
  id: string;
  describedBy: string;
  value: string;
  problemLines: ReadonlySet<number>;
  onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
  textRef: Ref<HTMLTextAreaElement>;
}) {
  const gutterRef = useRef<HTMLDivElement>(null);
  const lineCount = value.split('\n').length;
  return (
    <StyledFrame>
      <StyledGutter ref={gutterRef} aria-hidden="true" data-testid="goals-gutter">
        {Array.from({ length: lineCount }, (_, index) => {
          const line = index + 1;
          return problemLines.has(line) ? (
            <StyledProblemLine key={line} data-problem-line={line}>
              ⚠ {line}
            </StyledProblemLine>
          ) : (
            <div key={line}>{line}</div>
          );
        })}
      </StyledGutter>
      <StyledText
        id={id}
        ref={textRef}
        aria-describedby={describedBy}
        aria-invalid={problemLines.size > 0}
        spellCheck={false}
        wrap="off"
        value={value}
        onChange={onChange}
        onScroll={(event) => {
          if (gutterRef.current) gutterRef.current.scrollTop = event.currentTarget.scrollTop;
        }}
      />
    </StyledFrame>
  );
}
