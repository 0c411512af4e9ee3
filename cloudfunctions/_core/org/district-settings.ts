import type { ActionContext } from '../runtime/action';
import { homeDistrictOf } from './district-scope';
import { orgRepository } from './org.repository';
import type { SettingsView } from './org.schemas';

const EXPLANATION = {
  off: '当前不采集身份证号：党员报到只填手机号码等必要信息，服务记录和证明一律使用志愿者编号。这是默认做法，符合个人信息保密的要求。',
  on: '已开启采集身份证号：党员报到时可以填写18位身份证号（选填）。身份证号只保存在本人资料中，列表中一律隐去，只有党员所在社区的书记可以查看完整号码，且每次查看都会记入访问日志；党员退出时一并删除。请仅在上级明确要求时开启。',
};

async function load(ctx: ActionContext, districtId: string): Promise<SettingsView> {
  const row = await orgRepository.settingsOf(ctx.tx, districtId);
  const collectIdNumbers = row?.collect_id_numbers ?? false;
  return {
    collectIdNumbers,
    explanation: collectIdNumbers ? EXPLANATION.on : EXPLANATION.off,
    // A row nobody saved (the district's defaults, written when another switch was first needed) was never changed.
    updatedAt: row?.updated_by ? row.updated_at.toISOString() : null,
    updatedBy: row?.updated_by ?? null,
  };
}

/** The district's switches; ID numbers are not collected unless the district turns it on. */
export const loadSettings = (ctx: ActionContext) => load(ctx, homeDistrictOf(ctx.caller));

export async function updateSettings(ctx: ActionContext, input: { collectIdNumbers: boolean }) {
  const districtId = homeDistrictOf(ctx.caller);
  await orgRepository.saveSettings(ctx.tx, districtId, input.collectIdNumbers, ctx.caller!.userId, ctx.clock.now());
  return load(ctx, districtId);
}
