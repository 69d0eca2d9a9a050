import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databaseFileFromUrl } from "../env";
import { getDatabase } from "./sqlite";

// One Prisma client per process (t3 shape: cached on globalThis so dev reloads reuse it).
// getDatabase() runs first so the file exists and is migrated before Prisma opens it.

const globalForPrisma = globalThis as unknown as { patchdashPrisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  if (!globalForPrisma.patchdashPrisma) {
    getDatabase();
    const adapter = new PrismaBetterSqlite3({ url: `file:${databaseFileFromUrl()}` });
    globalForPrisma.patchdashPrisma = new PrismaClient({ adapter });
  }
  return globalForPrisma.patchdashPrisma;
}
