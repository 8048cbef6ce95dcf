import "server-only";
import { clientOf, type TDbOption } from "../db/client";

/** True when the database answers a trivial query within the time limit. */
export async function databaseReachable(input: { timeoutMs?: number } & TDbOption = {}): Promise<boolean> {
  const timeoutMs = input.timeoutMs ?? 3000;
  try {
    const prisma = await clientOf(input);
    await Promise.race([
      prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs)),
    ]);
    return true;
  } catch {
    return false;
  }
}
