import { main as demands } from '../../cloudfunctions/demands/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok } from '../support/call';
import { buildCommunity, type TestCommunity } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

type Pool = { items: { id: string; requesterName: string; description: string }[]; total: number };

describe('searching the 需求池', () => {
  let db: Database;
  let community: TestCommunity;
  let other: TestCommunity;
  const ids: Record<string, string> = {};

  const search = (data: Record<string, unknown>, who = community.secretary) => ok<Pool>(call(demands, 'listForCommunity', { page: { limit: 10, offset: 0 }, ...data }, who));
  const found = (pool: Pool) => pool.items.map((item) => item.id).sort();

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'S', { residents: 1 });
    other = await buildCommunity(db, 'T', { residents: 1 });
    const record = (requesterName: string, address: string, description: string) =>
      ok<{ id: string }>(call(demands, 'record', {
        requesterName, channel: 'phone', address, contactPhone: '13800003333', kind: 'other', description,
      }, community.secretary));
    ids.tap = (await record('王秀英', '幸福小区3栋201室', '厨房水龙头漏水，想请人修一下')).id;
    ids.medicine = (await record('王秀英', '幸福小区3栋201室', '帮忙买降压药 50%折扣那种')).id;
    ids.company = (await record('李建国', '光明小区12栋502室', '一个人在家，想有人来陪着说说话')).id;
    const own = await ok<{ id: string }>(call(demands, 'post', {
      kind: 'repair', description: '门锁坏了', address: '测试小区1栋101室', contactPhone: '13800004444',
    }, community.residents[0]));
    ids.lock = own.id;
    await ok(call(demands, 'post', { kind: 'repair', description: '厨房水龙头漏水', address: '别的小区', contactPhone: '13800005555' }, other.residents[0]));
  });
  afterAll(async () => {
    await db.close();
  });

  it('should find needs by a word of the description', async () => {
    const pool = await search({ query: '水龙头' });
    expect(found(pool)).toEqual([ids.tap]);
    expect(pool.total).toBe(1);
  });

  it('should find needs by the address and by the requester’s name', async () => {
    expect(found(await search({ query: '3栋' }))).toEqual([ids.tap, ids.medicine].sort());
    expect(found(await search({ query: '李建国' }))).toEqual([ids.company]);
    expect(found(await search({ query: `居民S1` }))).toEqual([ids.lock]);
  });

  it('should keep only the needs that have every word, wherever each word appears', async () => {
    expect(found(await search({ query: '王秀英 降压药' }))).toEqual([ids.medicine]);
    expect(found(await search({ query: '  幸福小区　漏水 ' }))).toEqual([ids.tap]);
    expect((await search({ query: '王秀英 门锁' })).total).toBe(0);
  });

  it('should take % and _ as the characters they are', async () => {
    expect(found(await search({ query: '50%' }))).toEqual([ids.medicine]);
    expect((await search({ query: '%' })).items.map((item) => item.id)).toEqual([ids.medicine]);
    expect((await search({ query: '_' })).total).toBe(0);
  });

  it('should combine the search with the status tab and count only what matches', async () => {
    expect(found(await search({ status: 'submitted', query: '小区' }))).toEqual([ids.tap, ids.medicine, ids.company, ids.lock].sort());
    expect((await search({ status: 'rejected', query: '小区' })).total).toBe(0);
    const firstPage = await ok<Pool>(call(demands, 'listForCommunity', { query: '小区', page: { limit: 2, offset: 0 } }, community.secretary));
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.total).toBe(4);
  });

  it('should list every need when the search box is empty or blank', async () => {
    expect((await search({})).total).toBe(4);
    expect((await search({ query: '   ' })).total).toBe(4);
  });

  it('should never find another community’s needs', async () => {
    expect((await search({ query: '水龙头' }, other.secretary)).items.map((item) => item.description)).toEqual(['厨房水龙头漏水']);
  });

  it('should refuse a search that is too long or not text, naming the field', async () => {
    const tooLong = await failed(call(demands, 'listForCommunity', { query: '水'.repeat(31) }, community.secretary));
    expect(tooLong).toMatchObject({ code: 'VALIDATION_FAILED', fields: { query: '搜索词不能超过30个字' } });
    const notText = await failed(call(demands, 'listForCommunity', { query: 42 }, community.secretary));
    expect(notText).toMatchObject({ code: 'VALIDATION_FAILED', fields: { query: '搜索词须为文字' } });
  });
});
