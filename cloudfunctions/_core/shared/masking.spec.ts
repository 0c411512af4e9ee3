import { maskAddress, maskIdNumber, maskName, maskPhone, maskWorkPhone } from './masking';

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

  it('should keep only the first and last character of a name, counting a rarer character as one', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张小三')).toBe('张*三');
    expect(maskName('欧阳小燚')).toBe('欧**燚');
    expect(maskName('𠮷野家')).toBe('𠮷*家');
    expect(maskName('王')).toBe('*');
  });
});
