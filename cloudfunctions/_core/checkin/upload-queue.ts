import type { ActionContext } from '../runtime/action';
import { requireCaller } from '../runtime';
import { DomainError } from '../shared/domain-error';
import { checkinErrors } from './checkin.errors';
import { checkinRepository } from './checkin.repository';
import { parseCheckinCode } from './checkin-code';
import type { QueuedScanInput } from './checkin.schemas';
import { openSecret, sameSignature } from './device-secret-cipher';
import { judgeScan, type ScanTrace } from './judge-scan';
import { MAX_QUEUED_SCAN_AGE_DAYS, SCANNER_CLOCK_TOLERANCE_SECONDS } from './scan-rules';
import { hashChainEntry, signChainEntry } from './scan-chain';

type Result = { scanId: string; ok: boolean; verdict: Awaited<ReturnType<typeof judgeScan>> | null; error: { code: string; message: string } | null };

/**
 * Uploads the scans a verifier's phone kept offline. The queue is that device's signed chain: each entry is
 * taken only in chain order, signed by the device, with times that never go backwards and never precede the
 * device's last online contact; then it is judged at its own scan time. One refused scan does not undo the
 * others; every refusal is kept; an entry uploaded again gets its first answer.
 */
export async function uploadQueue(ctx: ActionContext, input: { deviceId: string; scans: QueuedScanInput[] }) {
  const caller = requireCaller(ctx.caller);
  const now = ctx.clock.now();
  const device = await checkinRepository.findVerifierDevice(ctx.tx, input.deviceId);
  const refuse = (scan: QueuedScanInput, error: DomainError, memberId: string | null, known: boolean) =>
    checkinRepository.keepRefusal(ctx.tx, {
      id: ctx.newId(), scanId: scan.scanId, orderId: scan.orderId, verifierId: caller.userId, memberId,
      deviceId: known ? input.deviceId : null, counter: scan.counter, offline: true, scannedAt: new Date(scan.scannedAt), receivedAt: now,
      code: error.code, message: error.message,
    });

  // A secret sealed under another CHECKIN_KEY cannot verify the chain: the phone is as good as unregistered.
  const secretHex = device && device.user_id === caller.userId && !device.revoked_at ? openSecret(device.secret_ciphertext, ctx.config.CHECKIN_KEY) : null;
  if (!device || !secretHex) {
    const error = checkinErrors.error('CHECKIN_DEVICE_UNKNOWN');
    ctx.keepOnFailure(async () => {
      for (const scan of input.scans) await refuse(scan, error, null, false);
    });
    throw error;
  }

  // What a scan locks — the order's row when its status moves on, its member's row — is locked up front for the
  // whole upload, each in one order, so that two phones uploading for the same orders or members in opposite
  // order wait for each other instead of deadlocking.
  const orderIds = [...new Set(input.scans.map((scan) => scan.orderId))].sort();
  await ctx.tx.query('select id from orders where id = any($1::uuid[]) order by id for no key update', [orderIds]);
  const codeDevices = [...new Set(input.scans.flatMap((scan) => parseCheckinCode(scan.code)?.deviceId ?? []))];
  await ctx.tx.query(
    `select m.user_id from members m where m.user_id in (select d.member_id from member_devices d where d.id = any($1::uuid[]))
      order by m.user_id for no key update`,
    [codeDevices],
  );

  let head = { counter: Number(device.last_counter), hash: device.last_hash, scannedAt: device.last_scanned_at };
  let broken = false;
  const results: Result[] = [];
  const refused = async (scan: QueuedScanInput, error: DomainError, memberId: string | null = null) => {
    await refuse(scan, error, memberId, true);
    results.push({ scanId: scan.scanId, ok: false, verdict: null, error: { code: error.code, message: error.message } });
  };

  for (const scan of [...input.scans].sort((a, b) => a.counter - b.counter)) {
    const scannedAt = new Date(scan.scannedAt);
    if (scan.counter <= head.counter) {
      await answerAgain(ctx, input.deviceId, scan, results, refused);
      continue;
    }
    const chainError = broken ? checkinErrors.error('CHECKIN_QUEUE_BROKEN') : chainRefusal(scan, input.deviceId, secretHex, head, device.synced_at, now);
    if (chainError) {
      broken = true;
      await refused(scan, chainError);
      continue;
    }
    head = { counter: scan.counter, hash: hashChainEntry(input.deviceId, scan, scan.signature), scannedAt };

    const trace: ScanTrace = { memberId: null };
    await ctx.tx.query('savepoint queued_scan');
    try {
      const tooOld = now.getTime() - scannedAt.getTime() > MAX_QUEUED_SCAN_AGE_DAYS * 86_400_000;
      if (tooOld) throw checkinErrors.error('CHECKIN_SCAN_TOO_OLD');
      const verdict = await judgeScan(ctx, { ...scan, scannedAt, queued: { deviceId: input.deviceId, counter: scan.counter } }, trace);
      await ctx.tx.query('release savepoint queued_scan');
      results.push({ scanId: scan.scanId, ok: true, verdict, error: null });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await ctx.tx.query('rollback to savepoint queued_scan');
      await refused(scan, error, trace.memberId);
    }
  }
  if (head.scannedAt && head.counter > Number(device.last_counter)) {
    await checkinRepository.advanceVerifierChain(ctx.tx, input.deviceId, { ...head, scannedAt: head.scannedAt });
  }
  // Only a whole, unbroken queue brings the phone up to date with the server; after a gap the missing entries may still come.
  if (!broken) await checkinRepository.markVerifierSynced(ctx.tx, input.deviceId, now);
  return { results };
}

/** Why an entry cannot be the next link of the device's chain, if it cannot. */
function chainRefusal(
  scan: QueuedScanInput,
  deviceId: string,
  secretHex: string,
  head: { counter: number; hash: string; scannedAt: Date | null },
  syncedAt: Date,
  now: Date,
): DomainError | null {
  const scannedAt = new Date(scan.scannedAt);
  if (scan.counter !== head.counter + 1 || scan.prevHash !== head.hash) return checkinErrors.error('CHECKIN_QUEUE_OUT_OF_ORDER');
  if (!sameSignature(signChainEntry(secretHex, deviceId, scan), scan.signature)) return checkinErrors.error('CHECKIN_QUEUE_SIGNATURE_INVALID');
  if (head.scannedAt && scannedAt < head.scannedAt) return checkinErrors.error('CHECKIN_QUEUE_TIME_BACKWARDS');
  if (scannedAt < syncedAt) return checkinErrors.error('CHECKIN_QUEUE_BEFORE_SYNC');
  if (scannedAt.getTime() > now.getTime() + SCANNER_CLOCK_TOLERANCE_SECONDS * 1000) return checkinErrors.error('CHECKIN_SCAN_TIME_INVALID');
  return null;
}

/** An entry the server already took: its verdict or its refusal again; one it never took is out of order. */
async function answerAgain(
  ctx: ActionContext,
  deviceId: string,
  scan: QueuedScanInput,
  results: Result[],
  refused: (scan: QueuedScanInput, error: DomainError) => Promise<void>,
) {
  const [taken] = await ctx.tx.query("select 1 from scans where id = $1 and device_id = $2", [scan.scanId, deviceId]);
  if (taken) {
    results.push({ scanId: scan.scanId, ok: true, verdict: await judgeScan(ctx, { ...scan, scannedAt: new Date(scan.scannedAt) }, { memberId: null }), error: null });
    return;
  }
  const earlier = await checkinRepository.findQueuedRefusal(ctx.tx, deviceId, scan.scanId);
  if (earlier) results.push({ scanId: scan.scanId, ok: false, verdict: null, error: earlier });
  else await refused(scan, checkinErrors.error('CHECKIN_QUEUE_OUT_OF_ORDER'));
}
