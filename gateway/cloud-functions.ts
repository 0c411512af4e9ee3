import { main as assessment } from '../cloudfunctions/assessment/index';
import { main as auth } from '../cloudfunctions/auth/index';
import { main as certificates } from '../cloudfunctions/certificates/index';
import { main as incentives } from '../cloudfunctions/incentives/index';
import { main as notify } from '../cloudfunctions/notify/index';
import { main as checkin } from '../cloudfunctions/checkin/index';
import { main as demands } from '../cloudfunctions/demands/index';
import { main as documents } from '../cloudfunctions/documents/index';
import { main as orders } from '../cloudfunctions/orders/index';
import { main as org } from '../cloudfunctions/org/index';
import { main as privacy } from '../cloudfunctions/privacy/index';
import { main as records } from '../cloudfunctions/records/index';
import { main as registration } from '../cloudfunctions/registration/index';
import { main as reports } from '../cloudfunctions/reports/index';
import type { Envelope } from '../cloudfunctions/_core/shared/envelope';

export type CloudFunction = (event: unknown, context?: unknown) => Promise<Envelope<unknown>>;

/** Every cloud function the gateway hosts, by the name WeChat knows it by. */
export const cloudFunctions: Record<string, CloudFunction> = { auth, demands, orders, checkin, records, registration, privacy, reports, documents, org, assessment, certificates, incentives, notify };
