import type { ActionContext } from '../runtime/action';
import { DomainError } from '../shared/domain-error';
import type { ScanInput } from './checkin.schemas';
import { judgeScan } from './judge-scan';

/**
 * Uploads scans a phone kept while offline. Each is judged against its own scan time, in the
 * order they were made; one refused scan does not undo the others.
 */
export async function uploadQueue(ctx: ActionContext, input: { scans: ScanInput[] }) {
  // By instant, not by text: offsets may differ; a scan without a time was made now, so it comes last.
  const instant = (scan: ScanInput) => (scan.scannedAt ? Date.parse(scan.scannedAt) : Number.POSITIVE_INFINITY);
  const ordered = [...input.scans].sort((a, b) => instant(a) - instant(b));
  const results = [];
  for (const scan of ordered) {
    await ctx.tx.query('savepoint queued_scan');
    try {
      const verdict = await judgeScan(ctx, scan);
      await ctx.tx.query('release savepoint queued_scan');
      results.push({ scanId: scan.scanId, ok: true, verdict, error: null });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await ctx.tx.query('rollback to savepoint queued_scan');
      results.push({ scanId: scan.scanId, ok: false, verdict: null, error: { code: error.code, message: error.message } });
    }
  }
  return { results };
}
