import "server-only";
import { getDb } from "../../db/client";
import { env } from "../../env";
import { TEST_CLOCK_KEY, currentTime } from "../../clock";
import { NotFoundError } from "../../errors";

/**
 * Test runs only (TESSERA_TEST_CLOCK=1): moves the clock by `ms` (or to an absolute offset) and
 * returns the new time. Everything else refuses to exist: NotFoundError.
 */
export async function advanceTestClock(input: { advanceMs?: number; offsetMs?: number }): Promise<{ now: Date; offsetMs: number }> {
  if (!env().TESSERA_TEST_CLOCK) throw new NotFoundError("Page");
  const db = getDb();
  const row = await db.platformSetting.findUnique({ where: { key: TEST_CLOCK_KEY } });
  const current = typeof row?.value === "number" ? row.value : 0;
  const offsetMs = input.offsetMs ?? current + (input.advanceMs ?? 0);
  await db.platformSetting.upsert({ where: { key: TEST_CLOCK_KEY }, update: { value: offsetMs }, create: { key: TEST_CLOCK_KEY, value: offsetMs } });
  return { now: await currentTime(), offsetMs };
}
