import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { env } from "../env";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const holder = globalThis as unknown as { __tesseraDb?: { url: string; client: PrismaClient } };

/** The process-wide Prisma client (one pool). Only services under lib/server/services use it. */
export function getDb(): PrismaClient {
  const url = env().DATABASE_URL;
  if (holder.__tesseraDb?.url === url) return holder.__tesseraDb.client;
  const adapter = new PrismaPg({ connectionString: url, max: env().DATABASE_POOL_SIZE });
  const client = new PrismaClient({ adapter });
  holder.__tesseraDb = { url, client };
  return client;
}
