import { callGateway } from './browser';

type RuleSetDocument = { rules: { id: string; threshold: number }[] };

/**
 * The browser suites share one gateway: a suite that changes the district's rule set for the year takes it as it
 * found it (`keep`) and puts that back when it ends (`restore`), only when it differs, so that the next suite sees the
 * seed's rule set whichever ran before.
 */
export async function keepRuleSet(adminToken: string, year: number) {
  const read = () => callGateway<{ document: RuleSetDocument }>('assessment', 'ruleSet', { year }, adminToken).then((answer) => answer.document);
  const original = await read();
  return {
    original,
    restore: async () => {
      if (JSON.stringify(await read()) === JSON.stringify(original)) return;
      await callGateway('assessment', 'chooseRuleSet', { year, document: original, reason: '浏览器测试结束，恢复原来的考核规则' }, adminToken);
    },
  };
}
