import "server-only";
import { getDb } from "./db/client";
import { env } from "./env";

/**
 * The time Tessera acts on. Normally the wall clock. With TESSERA_TEST_CLOCK=1 (test runs only,
 * never production) an offset stored in the database shifts it, so journeys that span months
 * (deprecation reminders, sunsets, SLO windows) are tested by moving time, not by waiting.
 */
export async function currentTime(): Promise<Date> {
  if (!env().TESSERA_TEST_CLOCK) return new Date();
  const row = await getDb().platformSetting.findUnique({ where: { key: TEST_CLOCK_KEY } });
  const offset = typeof row?.value === "number" ? row.value : 0;
  return new Date(Date.now() + offset);
}

export const TEST_CLOCK_KEY = "test.clockOffsetMs";

/** The context with `now` from currentTime(), so requests act on the (test-movable) clock. */
export async function withClock<C extends { now: Date }>(ctx: C): Promise<C> {
  ctx.now = await currentTime();
  return ctx;
}
