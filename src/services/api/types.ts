// Output and input types inferred from the cloud functions' zod schemas. `import type` only:
// the schemas (and zod) never reach the mini-program bundle through this file.
import type { z } from 'zod'
import type { ChangePasswordInput, ProfileView, SessionView, LoginInput } from '@core/auth/auth.schemas'
import type {
  ConfirmServiceInput,
  DemandIdInput,
  DemandPage,
  DemandView,
  ListMyDemandsInput,
  NeedFormDefaults as NeedFormDefaultsSchema,
  PostDemandInput,
  DEMAND_STATUSES,
  RESIDENT_RATINGS,
} from '@core/demands/demands.schemas'
import type { ErrorBody } from '@core/shared/envelope'
import type { RecordDemandInput } from '@core/demands/demands.schemas'
import type {
  ChangeOrderInput,
  CreateOrderInput,
  OrderPage,
  OrderView,
  ORGANISATION_RATINGS,
  RecommendMembersInput,
  RecommendationPage,
} from '@core/orders/orders.schemas'
import type { ORDER_STATUSES } from '@core/orders/order-status'
import type {
  AttendanceView,
  QueuedScanInput,
  QueuedScanResult as QueuedScanResultSchema,
  VerifierDeviceView,
  ScanInput,
  ScanVerdict as ScanVerdictSchema,
} from '@core/checkin/checkin.schemas'

export type ApiError = ErrorBody
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }

export type UserProfile = z.output<typeof ProfileView>
export type SessionData = z.output<typeof SessionView>
export type Role = UserProfile['roles'][number]['role']
export type LoginData = z.input<typeof LoginInput>
export type ChangePasswordData = z.input<typeof ChangePasswordInput>

export type Demand = z.output<typeof DemandView>
export type DemandList = z.output<typeof DemandPage>
export type DemandStatus = (typeof DEMAND_STATUSES)[number]
export type ResidentRating = (typeof RESIDENT_RATINGS)[number]
export type PostDemandData = z.input<typeof PostDemandInput>
export type DemandIdData = z.input<typeof DemandIdInput>
export type ListMyDemandsData = z.input<typeof ListMyDemandsInput>
export type ConfirmServiceData = z.input<typeof ConfirmServiceInput>
export type RecordDemandData = z.input<typeof RecordDemandInput>
export type NeedFormDefaults = z.output<typeof NeedFormDefaultsSchema>

// Orders (secretary side) and check-in.
export type Order = z.output<typeof OrderView>
export type OrderList = z.output<typeof OrderPage>
export type OrderStatus = (typeof ORDER_STATUSES)[number]
export type OrganisationRating = (typeof ORGANISATION_RATINGS)[number]
export type CreateOrderData = z.input<typeof CreateOrderInput>
export type ChangeOrderData = z.input<typeof ChangeOrderInput>
export type RecommendData = z.input<typeof RecommendMembersInput>
export type Recommendation = z.output<typeof RecommendationPage>['items'][number]
export type ScanData = z.input<typeof ScanInput>
export type QueuedScanData = z.input<typeof QueuedScanInput>
export type VerifierDevice = z.output<typeof VerifierDeviceView>
export type ScanVerdict = z.output<typeof ScanVerdictSchema>
export type QueuedScanResult = z.output<typeof QueuedScanResultSchema>
export type Attendance = z.output<typeof AttendanceView>

// Member side: orders (接单), hours (records) and the device's check-in secret.
import type {
  DeclineInput,
  ListMyTasksInput,
  ListOpenOrdersInput,
  TASK_PHASES,
} from '@core/orders/orders.schemas'
import type { ListMyRecordsInput, MyHoursView, RecordView as RecordViewSchema } from '@core/records/records.schemas'
import type { DeviceSecretView } from '@core/checkin/checkin.schemas'

export type TaskPhase = (typeof TASK_PHASES)[number]
export type ListOpenOrdersData = z.input<typeof ListOpenOrdersInput>
export type ListMyTasksData = z.input<typeof ListMyTasksInput>
export type DeclineOrderData = z.input<typeof DeclineInput>
export type MyHours = z.output<typeof MyHoursView>
export type ServiceRecord = z.output<typeof RecordViewSchema>
export type ListMyRecordsData = z.input<typeof ListMyRecordsInput>
export type DeviceSecret = z.output<typeof DeviceSecretView>

// Hours of one record seen by its member: detail with history and disputes, 申诉, 自评; verifiers' orders.
import type {
  DisputeList as DisputeListSchema,
  DisputeView,
  RecordDetailView,
  SelfEvaluateInput,
  SELF_RATINGS,
  RECORD_STATUSES,
} from '@core/records/records.schemas'
import type { VerifiableOrdersView } from '@core/checkin/checkin.schemas'

export type RecordStatus = (typeof RECORD_STATUSES)[number]
export type SelfRating = (typeof SELF_RATINGS)[number]
export type SelfEvaluateData = z.input<typeof SelfEvaluateInput>
export type RecordDetail = z.output<typeof RecordDetailView>
export type AuditEntry = RecordDetail['entries'][number]
export type Dispute = z.output<typeof DisputeView>
export type DisputeList = z.output<typeof DisputeListSchema>
export type VerifiableOrder = z.output<typeof VerifiableOrdersView>['items'][number]

// Secretary side: 时长管理 (hours of an order, the review queues, disputes, refused scans).
import type {
  AddWalkInInput,
  CloseMissingCheckoutInput,
  ConfirmForResidentInput,
  CorrectRecordInput,
  EnterRecordInput,
  HoursQueuesView,
  ListCommunityRecordsInput,
  ListDisputesInput,
  MissingCheckoutView,
  OrderHoursView,
  RecordPage,
  ResolveDisputeInput,
} from '@core/records/records.schemas'
import type { RefusedScanView, RefusedScansInput } from '@core/checkin/checkin.schemas'

export type RecordList = z.output<typeof RecordPage>
export type ListCommunityRecordsData = z.input<typeof ListCommunityRecordsInput>
export type OrderHours = z.output<typeof OrderHoursView>
export type OrderHoursMember = OrderHours['members'][number]
export type HoursQueues = z.output<typeof HoursQueuesView>
export type ListDisputesData = z.input<typeof ListDisputesInput>
export type ResolveDisputeData = z.input<typeof ResolveDisputeInput>
export type MissingCheckout = z.output<typeof MissingCheckoutView>['items'][number]
export type EnterRecordData = z.input<typeof EnterRecordInput>
export type CorrectRecordData = z.input<typeof CorrectRecordInput>
export type CloseMissingCheckoutData = z.input<typeof CloseMissingCheckoutInput>
export type AddWalkInData = z.input<typeof AddWalkInInput>
export type ConfirmForResidentData = z.input<typeof ConfirmForResidentInput>
export type RefusedScan = z.output<typeof RefusedScanView>
export type RefusedScansData = z.input<typeof RefusedScansInput>
