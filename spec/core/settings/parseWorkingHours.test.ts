import { parseWorkingHours } from '../../../src/core/settings/parseWorkingHours';

describe('parseWorkingHours', () => {
  it.each([
    ['Mon-Fri 09:00-17:00', [1, 2, 3, 4, 5], 540, 1020],
    ['Mon,Tue,Thu 8:30-16:30', [1, 2, 4], 510, 990],
    ['Sun-Thu 09:00-18:00', [0, 1, 2, 3, 4], 540, 1080],
    ['sun-thu 9-18', [0, 1, 2, 3, 4], 540, 1080],
    ['Fri-Mon 10:00-14:00', [0, 1, 5, 6], 600, 840],
    ['Monday-Friday 07:45 - 16:15', [1, 2, 3, 4, 5], 465, 975],
    ['Sat 00:00-24:00', [6], 0, 1440],
    ['Mon-Wed, Fri 9:00-17:00', [1, 2, 3, 5], 540, 1020],
  ])('reads %j', (text, days, startMinute, endMinute) => {
    expect(parseWorkingHours(text)).toEqual({ ok: true, value: { days, startMinute, endMinute } });
  });

  it.each([
    ['Mon-Fri 22:00-06:00', 'overnight'],
    ['Mon-Fri 09:00-09:00', 'overnight'],
    ['Mon-Fry 09:00-17:00', 'days'],
    ['Mon-Wed-Fri 09:00-17:00', 'days'],
    ['Mon-Fri 09:00-25:00', 'hours'],
    ['Mon-Fri 09:60-17:00', 'hours'],
    ['Mon-Fri', 'hours'],
    ['09:00-17:00', 'hours'],
    ['', 'hours'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(parseWorkingHours(text)).toEqual({ ok: false, reason });
  });
});
