import { publicPageLink } from './public-link';

describe('publicPageLink', () => {
  it('should put the page after the hash of the public address', () => {
    expect(publicPageLink('https://yigong.example.cn/', '/pages/join/register/index?slip=ABCD2345')).toBe(
      'https://yigong.example.cn/#/pages/join/register/index?slip=ABCD2345',
    );
  });

  it('should add the slash a bare origin lacks', () => {
    expect(publicPageLink('http://127.0.0.1:3000', '/pages/a/index')).toBe('http://127.0.0.1:3000/#/pages/a/index');
  });

  it('should keep a path the app is served under', () => {
    expect(publicPageLink('https://example.cn/yigong/', '/pages/a/index?x=1')).toBe('https://example.cn/yigong/#/pages/a/index?x=1');
  });

  it('should give the mini-program page path when no public address is configured', () => {
    expect(publicPageLink(undefined, '/pages/join/register/index?slip=ABCD2345')).toBe('pages/join/register/index?slip=ABCD2345');
  });
});
