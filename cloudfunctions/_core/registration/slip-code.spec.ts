import { newSlipCode } from './report-slips';
import { OptionsInput } from './registration.schemas';
import { SLIP_CODE_ALPHABET, SLIP_CODE_PATTERN, normaliseSlipCode, slipCodeFromText } from './slip-code';

describe('the 报到码 alphabet', () => {
  it('should leave out I, O, 1 and 0, which are read for one another', () => {
    for (const confusable of ['I', 'O', '1', '0']) expect(SLIP_CODE_ALPHABET).not.toContain(confusable);
    expect(new Set(SLIP_CODE_ALPHABET).size).toBe(32);
  });

  it('should draw new codes of 8 from the alphabet only', () => {
    for (let i = 0; i < 500; i += 1) {
      const code = newSlipCode();
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    }
  });
});

describe('normaliseSlipCode', () => {
  it.each([
    ['ABCD2345', 'ABCD2345', 'a code as issued'],
    ['abcd2345', 'ABCD2345', 'lower case'],
    [' AB CD 23 45 ', 'ABCD2345', 'spaces around and inside'],
    ['ABCD-2345', 'ABCD2345', 'a dash between the halves'],
    ['ABCD—2345', 'ABCD2345', 'a long dash from a Chinese keyboard'],
    ['ＡＢＣＤ２３４５', 'ABCD2345', 'full-width letters and digits'],
    ['B0X2', 'BOX2', '0 read as O'],
    ['K1TE', 'KITE', '1 read as I'],
    ['xo1o-0i10', 'XOIOOIIO', 'an old code with O and I typed with digits'],
  ])('should read %s as %s (%s)', (typed, stored) => {
    expect(normaliseSlipCode(typed)).toBe(stored);
  });

  it('should leave what is not a code for the pattern to refuse', () => {
    expect(normaliseSlipCode('ABC#2345')).not.toMatch(SLIP_CODE_PATTERN);
    expect(normaliseSlipCode('ABC')).not.toMatch(SLIP_CODE_PATTERN);
  });
});

describe('slipCodeFromText', () => {
  it.each([
    ['http://127.0.0.1:8080/#/pages/join/register/index?slip=ABCD2345', 'ABCD2345', 'the H5 link'],
    ['/pages/join/register/index?slip=abcd2345&from=share', 'ABCD2345', 'the mini-program path'],
    ['张红同志：请凭报到码 ABCD-2345 到幸福社区报到，打开 http://x/#/pages/join/register/index?slip=ABCD2345 填写', 'ABCD2345', 'the whole share text'],
    ['报到码：abcd 2345，请到幸福社区报到', 'ABCD2345', 'a text naming the code without a link'],
    ['abcd 2345', 'ABCD2345', 'the code alone'],
  ])('should find the code in %s (%s)', (text, code) => {
    expect(slipCodeFromText(text)).toBe(code);
  });
});

describe('the slip code the server takes', () => {
  it('should take a typed code in its stored form', () => {
    expect(OptionsInput.parse({ slipCode: ' b0xk-1234 ' }).slipCode).toBe('BOXKI234');
  });

  it('should refuse what is no code, naming the field', () => {
    const result = OptionsInput.safeParse({ slipCode: 'AB#CD' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('报到码须为8位字母或数字');
  });
});
