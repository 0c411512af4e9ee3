import { bankAmountText, bankMinutesFor, splitDeposit } from './bank';
import { BANK_PRESETS } from './presets';

const preset = (id: string) => BANK_PRESETS.find((candidate) => candidate.id === id)!.rule;

describe('bankMinutesFor', () => {
  it.each([
    ['basic', 90, 90],
    ['beijing-2022', 60, 60],
    ['changsha-yuhua-2018', 60, 360],
    ['changsha-yuhua-2018', 90, 540],
  ])('should deposit under %s: %s credited min → %s bank min', (id, credited, banked) => {
    expect(bankMinutesFor(preset(id), credited)).toBe(banked);
  });

  it('should show 长沙\'s 540 minutes as 9 时间币', () => {
    expect(bankAmountText(preset('changsha-yuhua-2018'), 540)).toBe('9个时间币');
  });
});

describe('splitDeposit', () => {
  const cap = 1500 * 60;
  it.each([
    ['南京: below the cap, all to the account', 0, 120, { toAccount: 120, toCommunity: 0 }],
    ['南京: crossing 1500 h, the surplus to the community', cap - 60, 120, { toAccount: 60, toCommunity: 60 }],
    ['南京: at the cap, all to the community', cap, 120, { toAccount: 0, toCommunity: 120 }],
    ['广州: the same 1500 cap', cap - 30, 30, { toAccount: 30, toCommunity: 0 }],
  ])('should split (%s)', (_case, held, minutes, split) => {
    expect(splitDeposit(preset('nanjing-2019'), held, minutes)).toEqual(split);
  });

  it('should put everything in the account without a cap (北京)', () => {
    expect(splitDeposit(preset('beijing-2022'), 10_000_000, 60)).toEqual({ toAccount: 60, toCommunity: 0 });
  });
});
