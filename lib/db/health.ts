import "server-only";
import { db } from "./client";

/** True when the database answers a trivial query within the time limit. */
export async function databaseReachable(timeoutMs = 3000): Promise<boolean> {
  try {
    const prisma = await db();
    await Promise.race([
      prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs)),
    ]);
    return true;
  } catch {
    return false;
  }
}
