import { newPickUpCode, pickUpQrText, readPickUpCode } from './pick-up-code';

describe('pick-up codes', () => {
  it('should be six digits, keeping leading zeros', () => {
    expect(newPickUpCode(() => 42)).toBe('000042');
    expect(newPickUpCode(() => 999_999)).toBe('999999');
    for (let i = 0; i < 100; i++) expect(newPickUpCode()).toMatch(/^\d{6}$/);
  });

  it.each([
    ['123456', '123456'],
    [' 123 456 ', '123456'],
    ['123-456', '123456'],
    [pickUpQrText('004711'), '004711'],
    ['12345', null],
    ['1234567', null],
    ['12a456', null],
    ['CHECKIN:123456', null],
  ])('should read %j as %j', (text, code) => {
    expect(readPickUpCode(text)).toBe(code);
  });
});
