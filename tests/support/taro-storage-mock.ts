/** A stand-in for @tarojs/taro's device storage in unit specs: `jest.mock('@tarojs/taro', () => require(…).taroWithStorage())`. */
export function taroWithStorage() {
  const store = new Map<string, unknown>();
  return {
    __esModule: true,
    default: {
      getStorageSync: jest.fn((key: string) => (store.has(key) ? JSON.parse(JSON.stringify(store.get(key))) : '')),
      setStorageSync: jest.fn((key: string, value: unknown) => store.set(key, value)),
      removeStorageSync: jest.fn((key: string) => store.delete(key)),
      __store: store,
    },
  };
}
