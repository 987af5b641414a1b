import type pg from 'pg';

/** pg-boss's schema (its default, which the bridge keeps): where the queue's jobs live. */
const pgBossSchema = 'pgboss';

/** One fetch of a job by one bridge: a job taken over is fetched again, with the next `retryCount`. */
export interface RunJobHold {
  queue: string;
  id: string;
  retryCount: number;
}

/**
 * Moves the expiry of an active job to `leaseSeconds` from now, if this fetch of it still holds it;
 * resolves false when it does not (the job expired and was retried, maybe by another bridge, or it
 * ended). pg-boss 10 has no heartbeat: its maintenance fails an active job once `started_on +
 * expire_in` is past and retries it, so moving `expire_in` on is the heartbeat.
 */
export async function renewRunJobLease(pool: Pick<pg.Pool, 'query'>, hold: RunJobHold, leaseSeconds: number): Promise<boolean> {
  const renewed = await pool.query(
    `UPDATE ${pgBossSchema}.job SET expire_in = (now() - started_on) + make_interval(secs => $4)
      WHERE name = $1 AND id = $2 AND retry_count = $3 AND state = 'active'`,
    [hold.queue, hold.id, hold.retryCount, leaseSeconds],
  );
  return renewed.rowCount === 1;
}
