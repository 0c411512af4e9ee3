import type { Executor } from '../db/database';
import { commonErrors } from '../shared/domain-error';
import { maskPhone } from '../shared/masking';
import type { Role } from '../runtime/caller';
import { authRepository } from './auth.repository';
import type { ProfileView } from './auth.schemas';

/** Who the user is and every role they may switch to. */
export async function loadProfile(tx: Executor, userId: string): Promise<ProfileView> {
  const { user, roles, member } = await authRepository.loadProfileRows(tx, userId);
  if (!user) throw commonErrors.error('NOT_FOUND', '用户不存在');
  return {
    userId: user.id,
    name: user.name,
    phoneMasked: maskPhone(user.phone),
    photoUrl: user.photo_url,
    wechatBound: user.wx_openid !== null,
    mustChangePassword: user.must_change_password,
    roles: roles.map((row) => ({
      role: row.role as Role,
      orgId: row.org_id,
      orgName: row.org_name,
      unitId: row.unit_id,
      unitName: row.unit_name,
      servicePhone: row.service_phone,
    })),
    member: member
      ? { volunteerNo: member.volunteer_no, communityId: member.community_id, memberType: member.member_type, gridName: member.grid_name }
      : null,
  };
}
