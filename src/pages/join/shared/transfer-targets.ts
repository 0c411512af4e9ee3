import type { RegistrationOptions } from '@/services/api/registration'

/** The communities a member can transfer to: every community offered, except the one they are in. */
export const transferTargets = (options: Pick<RegistrationOptions, 'districts' | 'memberCommunityId'>) =>
  options.districts.flatMap((district) => district.streets.flatMap((street) => street.communities)).filter((community) => community.id !== options.memberCommunityId)
