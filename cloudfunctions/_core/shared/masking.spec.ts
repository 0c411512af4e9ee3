import { maskAddress, maskIdNumber, maskPhone, maskWorkPhone } from './masking';

describe('masking', () => {
  it('should hide the middle of a phone, the door of an address and the middle of an ID number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(null)).toBe('****');
    expect(maskAddress('幸福花园3栋1204室')).toBe('幸福花****');
    expect(maskIdNumber('44078119850615002X')).toBe('440***********002X');
  });

  it('should show a landline at work as it is and hide a mobile used as the work phone', () => {
    expect(maskWorkPhone('0750-5511941')).toBe('0750-5511941');
    expect(maskWorkPhone('13812345678')).toBe('138****5678');
  });
});
