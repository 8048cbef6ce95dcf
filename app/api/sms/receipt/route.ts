import { receiveSmsReceipts } from "@/lib/sms/receiptRoute";

export const dynamic = "force-dynamic";

export const POST = receiveSmsReceipts;
