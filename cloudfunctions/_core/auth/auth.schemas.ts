import { z } from 'zod';
import { field } from '../shared/fields';
import { ROLES } from '../runtime/caller';

export const LoginInput = z.object({
  phone: field.phone('手机号码'),
  password: field.password('密码', { min: 1, max: 128 }, '请填写密码'),
});

export const RoleGrantView = z.object({
  role: z.enum(ROLES),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  /** The 服务电话 of the grant's community (what its residents see), so that a secretary can see and change it. */
  servicePhone: z.string().nullable(),
});

export const ProfileView = z.object({
  userId: z.string(),
  name: z.string(),
  phoneMasked: z.string(),
  photoUrl: z.string().nullable(),
  wechatBound: z.boolean(),
  roles: z.array(RoleGrantView),
  member: z
    .object({ volunteerNo: z.string(), communityId: z.string(), memberType: z.string(), gridName: z.string().nullable() })
    .nullable(),
});

export const SessionView = z.object({ token: z.string(), expiresInHours: z.number(), profile: ProfileView });

export type LoginInput = z.infer<typeof LoginInput>;
export type ProfileView = z.infer<typeof ProfileView>;
