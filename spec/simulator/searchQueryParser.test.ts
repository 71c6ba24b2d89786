import {
  parseSearchDate,
  parseSearchQuery,
  QuerySyntaxError,
} from '../../simulator/fakeZendesk/searchQueryParser';

const NOW = Date.parse('2026-11-18T11:00:00Z');

describe('parseSearchQuery', () => {
  it('reads the keywords Goalpost sends, with their comparators', () => {
    expect(
      parseSearchQuery(
        'type:ticket assignee:me status>=solved solved>=2026-11-16T00:00:00Z solved<2026-11-23T00:00:00Z',
      ),
    ).toEqual({
      terms: [
        { keyword: 'type', comparator: ':', value: 'ticket' },
        { keyword: 'assignee', comparator: ':', value: 'me' },
        { keyword: 'status', comparator: '>=', value: 'solved' },
        { keyword: 'solved', comparator: '>=', value: '2026-11-16T00:00:00Z' },
        { keyword: 'solved', comparator: '<', value: '2026-11-23T00:00:00Z' },
      ],
      freeText: [],
    });
  });

  it('keeps undocumented keywords such as assignee_id: as free text, as Zendesk does', () => {
    expect(parseSearchQuery('type:ticket assignee_id:3720451 group_id:12')).toEqual({
      terms: [{ keyword: 'type', comparator: ':', value: 'ticket' }],
      freeText: ['assignee_id:3720451', 'group_id:12'],
    });
  });

  it('reads keywords case-insensitively', () => {
    expect(parseSearchQuery('Type:ticket STATUS<solved').terms.map((t) => t.keyword)).toEqual([
      'type',
      'status',
    ]);
  });

  it.each([
    ['an empty query', '   '],
    ['a keyword without a value', 'type:ticket status<'],
    ['more than 64 words', Array.from({ length: 65 }, () => 'group:1').join(' ')],
  ])('rejects %s', (_, query) => {
    expect(() => parseSearchQuery(query)).toThrow(QuerySyntaxError);
  });

  it('accepts exactly 64 words', () => {
    expect(parseSearchQuery(Array.from({ length: 64 }, () => 'group:1').join(' ')).terms).toHaveLength(64);
  });
});

describe('parseSearchDate', () => {
  it('reads UTC instants, instants with an offset, and dates (as UTC midnight)', () => {
    expect(parseSearchDate('2026-11-16T00:00:00Z', NOW)).toBe(Date.UTC(2026, 10, 16));
    expect(parseSearchDate('2026-11-16T00:00:00+01:00', NOW)).toBe(Date.UTC(2026, 10, 15, 23));
    expect(parseSearchDate('2026-11-16', NOW)).toBe(Date.UTC(2026, 10, 16));
  });

  it('reads relative dates as that long before now', () => {
    expect(parseSearchDate('24hours', NOW)).toBe(Date.parse('2026-11-17T11:00:00Z'));
    expect(parseSearchDate('2days', NOW)).toBe(Date.parse('2026-11-16T11:00:00Z'));
    expect(parseSearchDate('90minutes', NOW)).toBe(Date.parse('2026-11-18T09:30:00Z'));
    expect(parseSearchDate('1week', NOW)).toBe(Date.parse('2026-11-11T11:00:00Z'));
  });

  it.each([
    ['an instant without a zone', '2026-11-16T00:00:00'],
    // An unencoded "+01:00" reaches the server as a space: the first half has no zone.
    ['an offset whose plus sign became a space', '2026-11-16T00:00:00 01:00'],
    ['a month that does not exist', '2026-13-01'],
    ['words', 'yesterday'],
  ])('rejects %s', (_, value) => {
    expect(() => parseSearchDate(value, NOW)).toThrow(QuerySyntaxError);
  });
});
