import { chooseEncoding, isHashedAsset } from './static-files';

describe('chooseEncoding', () => {
  it('should prefer brotli, then gzip, and honour q=0 and the wildcard', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip, deflate, br;q=0')).toBe('gzip');
    expect(chooseEncoding('BR;q=0.5, gzip;q=1')).toBe('br');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('deflate')).toBe('identity');
    expect(chooseEncoding('')).toBe('identity');
    expect(chooseEncoding(undefined)).toBe('identity');
  });
});

describe('isHashedAsset', () => {
  it('should know the H5 build chunks by their content hash and nothing else', () => {
    expect(isHashedAsset('/h5/js/581.8b9d60d0.js')).toBe(true);
    expect(isHashedAsset('/h5/js/app.59ad7602.js')).toBe(true);
    expect(isHashedAsset('/h5/css/app.59ad7602a320c64aeb9a.css')).toBe(true);
    expect(isHashedAsset('/h5/sw.js')).toBe(false);
    expect(isHashedAsset('/h5/index.html')).toBe(false);
    expect(isHashedAsset('/h5/js/581.8b9d60d0.js.LICENSE.txt')).toBe(false);
  });
});
