import type { z } from 'zod'
import type { CommunityBankView, FamilyLinksView, FamilyLinkView, MyTimeBankView, NeedBankOffer, TransferView } from '@core/incentives/bank/bank.schemas'
import type { Relation } from '@core/incentives/bank/relations'
import { callFunction } from '../api-client'
import { uuidV4 } from '../scan-queue'

export type MyTimeBank = z.output<typeof MyTimeBankView>
export type PassbookLine = MyTimeBank['lines'][number]
export type FamilyLink = z.output<typeof FamilyLinkView>
export type FamilyLinks = z.output<typeof FamilyLinksView>
export type Transfer = z.output<typeof TransferView>
export type CommunityBank = z.output<typeof CommunityBankView>
export type TimeBankForNeed = z.output<typeof NeedBankOffer>
export type { Relation }

/** 爱心时间银行, in the incentives cloud function. Each transfer carries a key of its own, so a double tap posts once. */
export const timeBankApi = {
  mine: (beforeEntryId?: number) => callFunction<MyTimeBank>('incentives', 'myTimeBank', beforeEntryId ? { beforeEntryId } : {}),
  forNeed: () => callFunction<TimeBankForNeed>('incentives', 'timeBankForNeed', {}),
  familyLinks: () => callFunction<FamilyLinks>('incentives', 'familyLinks', {}),
  addFamilyLink: (phone: string, relation: Relation) => callFunction<FamilyLinks>('incentives', 'addFamilyLink', { phone, relation }),
  answerFamilyLink: (linkId: string, accept: boolean) => callFunction<FamilyLinks>('incentives', 'answerFamilyLink', { linkId, accept }),
  confirmFamilyLink: (linkId: string) => callFunction<{ confirmed: boolean }>('incentives', 'confirmFamilyLink', { linkId }),
  removeFamilyLink: (linkId: string) => callFunction<FamilyLinks>('incentives', 'removeFamilyLink', { linkId }),
  gift: (linkId: string, minutes: number, requestKey: string) => callFunction<Transfer>('incentives', 'giftHours', { linkId, minutes, requestKey }),
  donate: (minutes: number, requestKey: string) => callFunction<Transfer>('incentives', 'donateHours', { minutes, requestKey }),
  communityBank: (beforeEntryId?: number) => callFunction<CommunityBank>('incentives', 'communityBank', beforeEntryId ? { beforeEntryId } : {}),
  grant: (recipientId: string, minutes: number, reason: string, requestKey: string) =>
    callFunction<Transfer>('incentives', 'grantFromCommunityBank', { recipientId, minutes, reason, requestKey }),
}

/** A key for one tap of 确定: kept while the dialog is open, so that a retry of the same tap posts once. */
export const newRequestKey = () => uuidV4()
