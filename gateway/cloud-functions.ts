import { main as auth } from '../cloudfunctions/auth/index';
import { main as checkin } from '../cloudfunctions/checkin/index';
import { main as demands } from '../cloudfunctions/demands/index';
import { main as orders } from '../cloudfunctions/orders/index';
import { main as records } from '../cloudfunctions/records/index';
import type { Envelope } from '../cloudfunctions/_core/shared/envelope';

export type CloudFunction = (event: unknown, context?: unknown) => Promise<Envelope<unknown>>;

/** Every cloud function the gateway hosts, by the name WeChat knows it by. */
export const cloudFunctions: Record<string, CloudFunction> = { auth, demands, orders, checkin, records };
