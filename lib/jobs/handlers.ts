import "server-only";
import type { TJobHandler } from "./queue";
import { noticeJobHandlers } from "../notices/jobs";

/** Every kind of background job the runner knows. */
export const jobHandlers: Record<string, TJobHandler> = { ...noticeJobHandlers };
