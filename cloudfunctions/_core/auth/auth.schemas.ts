import * as z from 'zod';
import { field, isReadable } from '../shared/fields';
import { ROLES } from '../runtime/caller';
import { newPasswordProblem } from './password-rules';

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
  /** Still on the initial password an administrator saw: the app opens 修改密码 before anything else. */
  mustChangePassword: z.boolean(),
  roles: z.array(RoleGrantView),
  member: z
    .object({ volunteerNo: z.string(), communityId: z.string(), memberType: z.string(), gridName: z.string().nullable() })
    .nullable(),
});

export const SessionView = z.object({ token: z.string(), expiresInHours: z.number(), profile: ProfileView });

export const ChangePasswordInput = z.object({
  oldPassword: field.password('原密码', { min: 1, max: 128 }, '请填写原密码'),
  newPassword: z.string({ error: '请填写新密码' }).refine(isReadable, { message: '新密码含有无法识别的字符', abort: true }).superRefine((value, ctx) => {
    const problem = newPasswordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
});

export const LogoutView = z.object({ loggedOut: z.literal(true) });

export type LoginInput = z.infer<typeof LoginInput>;
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;
export type ProfileView = z.infer<typeof ProfileView>;
